import { describe, expect, it } from 'vitest';
import { legacyContext } from '../../../src/local/host/context';
import { hostQuery, parseHostQuery } from '../../../src/local/host/host-state';

const person = { id: 'p1', displayName: 'Ana Ruiz', userPrincipalName: 'ana@example.test' };
const input = {
  scope: 'personal' as const,
  frameContext: 'content' as const,
  entityId: 'home',
  person,
  tenantId: 't1',
  theme: 'default' as const,
  appId: 'app',
  appSessionId: 's1',
};

describe('the local host’s locale', () => {
  it('comes from `locale` in the host query and stays in its canonical URL', () => {
    const state = parseHostQuery('?person=ana&surface=personal&locale=de-DE');
    expect(state.locale).toBe('de-DE');
    expect(hostQuery(state)).toBe('?person=ana&surface=personal&locale=de-DE');
  });

  it('ignores anything that is not a language tag, and is left out by default', () => {
    expect(parseHostQuery('?locale=<script>').locale).toBeUndefined();
    expect(parseHostQuery('?locale=').locale).toBeUndefined();
    expect(parseHostQuery('?surface=personal')).not.toHaveProperty('locale');
    expect(hostQuery(parseHostQuery('?surface=personal'))).toBe('?surface=personal');
  });

  it('is what the context reports as `locale`, en-us unless chosen', () => {
    expect(legacyContext(input).locale).toBe('en-us');
    expect(legacyContext({ ...input, locale: 'de-DE' }).locale).toBe('de-DE');
  });
});
