import { describe, expect, it } from 'vitest';
import {
  aliasOf,
  findPerson,
  hostQuery,
  isAppPath,
  parseHostQuery,
} from '../../../src/local/host/host-state';
import { sameOriginPath, SURFACES, surfaceUrl } from '../../../src/local/host/surfaces';

describe('host URL state', () => {
  it('defaults to the first person, the personal tab, the default theme, NAA on', () => {
    expect(parseHostQuery('')).toEqual({
      surface: 'personal',
      theme: 'default',
      naa: true,
      silent: false,
      app: '/',
      hostName: 'Teams',
    });
  });

  it('reads every field of the documented query', () => {
    expect(
      parseHostQuery(
        '?person=ana&surface=sidePanel&theme=dark&naa=off&silent=on&meeting=19%3Ameeting_x%40thread.v2&stage=%2F%3Fstage%3D1&app=%2Fprobe.html&locale=de-DE&hostName=Outlook',
      ),
    ).toEqual({
      person: 'ana',
      surface: 'sidePanel',
      theme: 'dark',
      naa: false,
      silent: true,
      meeting: '19:meeting_x@thread.v2',
      stage: '/?stage=1',
      app: '/probe.html',
      locale: 'de-DE',
      hostName: 'Outlook',
    });
  });

  it('ignores values it does not know', () => {
    expect(
      parseHostQuery('?surface=nowhere&theme=purple&app=//evil.example&stage=https://x'),
    ).toEqual(parseHostQuery(''));
  });

  it('writes a canonical query that reads back the same', () => {
    const state = parseHostQuery('?person=ben&surface=details&theme=contrast&meeting=m1&naa=off');
    const query = hostQuery(state);
    expect(query).toBe('?person=ben&surface=details&meeting=m1&theme=contrast&naa=off');
    expect(parseHostQuery(query)).toEqual(state);
    expect(hostQuery(parseHostQuery(''))).toBe('?surface=personal');
  });

  it('accepts only same-origin absolute paths as the app', () => {
    expect(isAppPath('/')).toBe(true);
    expect(isAppPath('/tests/e2e/fixtures/probe.html')).toBe(true);
    for (const bad of [
      '//evil.example',
      'https://evil.example/',
      '/\\evil',
      'app',
      '/a?b',
      '/a b',
    ]) {
      expect(isAppPath(bad)).toBe(false);
    }
  });
});

describe('findPerson', () => {
  const people = [
    { id: 'id-1', userPrincipalName: 'ana@rapportdemo.onmicrosoft.com' },
    { id: 'id-2', userPrincipalName: 'ben@rapportdemo.onmicrosoft.com' },
  ];

  it('finds a person by alias, id or UPN, and defaults to the first', () => {
    expect(findPerson(people, 'ben')?.id).toBe('id-2');
    expect(findPerson(people, 'ID-2')?.id).toBe('id-2');
    expect(findPerson(people, 'Ben@rapportdemo.onmicrosoft.com')?.id).toBe('id-2');
    expect(findPerson(people, undefined)?.id).toBe('id-1');
    expect(findPerson(people, 'zoe')).toBeUndefined();
    expect(aliasOf(people[1]!)).toBe('ben');
  });
});

describe('surfaces', () => {
  it('opens each surface at its app URL, with its frame context', () => {
    expect(surfaceUrl('personal', '/')).toBe('/?surface=personal');
    expect(surfaceUrl('setup', '/')).toBe('/?view=config&surface=channel');
    expect(surfaceUrl('channel', '/')).toBe('/?view=tab&surface=channel');
    expect(surfaceUrl('sidePanel', '/probe.html')).toBe('/probe.html?view=tab&surface=sidePanel');
    expect(Object.fromEntries(Object.values(SURFACES).map((s) => [s.id, s.frameContext]))).toEqual({
      personal: 'content',
      details: 'content',
      sidePanel: 'sidePanel',
      channel: 'content',
      setup: 'settings',
    });
  });

  it('reduces URLs the app hands over to same-origin paths', () => {
    const origin = 'http://127.0.0.1:5173';
    expect(sameOriginPath(`${origin}/?stage=1#x`, origin)).toBe('/?stage=1#x');
    expect(sameOriginPath('/relative?x', origin)).toBe('/relative?x');
    expect(sameOriginPath('https://evil.example/', origin)).toBeUndefined();
    expect(sameOriginPath('javascript:alert(1)', origin)).toBeUndefined();
    expect(sameOriginPath(42, origin)).toBeUndefined();
  });
});
