import { describe, expect, it } from 'vitest';
import {
  HELP_MESSAGE_MAX_LENGTH,
  helpMessage,
  mentorChatLink,
} from '../../../../src/domain/commitments/help-request';
import {
  SAFE_LINK_MESSAGE,
  isSafeLink,
  resourcesContentSchema,
  RESOURCE_LIMITS,
} from '../../../../src/domain/commitments/team-resources';
import { fieldErrors, type Deliverable } from '../../../../src/domain/expectations/schema';

const content = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  resources: [
    {
      id: 'r1',
      kind: 'howTo',
      title: 'Release how-to',
      url: 'https://contoso.sharepoint.com/howto',
    },
  ],
  routes: [
    {
      id: 'm1',
      topic: 'Design',
      mentorName: 'Divya Rao',
      mentorUpn: 'divya@contoso.com',
      responseTime: 'within a day',
    },
  ],
  helpChannel: { name: 'Help', url: 'msteams:/l/channel/19%3Aabc/Help' },
  ...over,
});

describe('isSafeLink', () => {
  it.each([
    ['https://contoso.com/a', true],
    ['msteams:/l/channel/x', true],
    ['http://contoso.com', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['https://', false],
    ['msteams:', false],
    ['contoso.com', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });
});

describe('resourcesContentSchema', () => {
  it('accepts a help channel, mentors and resources, filling defaults', () => {
    const parsed = resourcesContentSchema.parse(content());
    expect(parsed.resources[0]?.note).toBe('');
    expect(parsed.helpChannel?.responseTime).toBe('');
  });

  it('refuses links that are not https: or msteams:, with the reason', () => {
    const parsed = resourcesContentSchema.safeParse(
      content({ resources: [{ id: 'r1', kind: 'link', title: 'x', url: 'javascript:alert(1)' }] }),
    );
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(fieldErrors(parsed.error)['resources.0.url']).toEqual([SAFE_LINK_MESSAGE]);
  });

  it('has a limit on every field and list', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const L = RESOURCE_LIMITS;
    const bad = resourcesContentSchema.safeParse(
      content({
        routes: [
          {
            id: 'm1',
            topic: long(L.topicMaxLength),
            mentorName: long(L.nameMaxLength),
            mentorUpn: 'not an address',
            responseTime: long(L.responseTimeMaxLength),
          },
        ],
        resources: Array.from({ length: L.resourcesMaxCount + 1 }, (_, i) => ({
          id: `r${String(i)}`,
          kind: 'link',
          title: 't',
          url: 'https://x.y',
        })),
      }),
    );
    expect(bad.success).toBe(false);
    if (bad.success) return;
    const errors = fieldErrors(bad.error);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'resources',
        'routes.0.mentorName',
        'routes.0.mentorUpn',
        'routes.0.responseTime',
        'routes.0.topic',
      ].sort(),
    );
  });

  it('keeps script text as text (it is only ever rendered as text)', () => {
    const title = '<script>alert(1)</script>';
    const parsed = resourcesContentSchema.parse(
      content({ resources: [{ id: 'r1', kind: 'link', title, url: 'https://x.y' }] }),
    );
    expect(parsed.resources[0]?.title).toBe(title);
  });
});

describe('help requests', () => {
  const deliverable = {
    id: 'd1',
    title: 'Ship the "beta" & more',
    ownerId: 'ana',
    due: '2026-03-20',
    status: 'blocked',
    obstacle: 'Waiting on legal?&users=evil@x.com',
  } as Deliverable;

  it('pre-fills the deliverable and its obstacle', () => {
    const text = helpMessage(deliverable, { greeting: 'Divya', meetingSubject: 'Sprint planning' });
    expect(text).toContain('Hi Divya');
    expect(text).toContain('Ship the "beta" & more');
    expect(text).toContain('Sprint planning');
    expect(text).toContain('Waiting on legal?&users=evil@x.com');
  });

  it('encodes every value, so typed text cannot add parameters to the link', () => {
    const link = mentorChatLink('divya@contoso.com', helpMessage(deliverable));
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/chat/0/0');
    expect(url.searchParams.getAll('users')).toEqual(['divya@contoso.com']);
    expect(url.searchParams.get('message')).toBe(helpMessage(deliverable));
    expect([...url.searchParams.keys()]).toEqual(['users', 'message']);
  });

  it('keeps the message within its limit', () => {
    const long = { ...deliverable, obstacle: 'x'.repeat(5000) } as Deliverable;
    expect(helpMessage(long).length).toBeLessThanOrEqual(HELP_MESSAGE_MAX_LENGTH);
  });
});
