import type * as G from '@microsoft/microsoft-graph-types';
import { createSigningKeys } from '../identity/keys';
import type { StoredSite, TenantState } from '../store/state';
import { PEOPLE, SITES, TEAM, TENANT_DOMAIN, upnOf, type SeedPerson } from './directory';
import { seedMeetings } from './meetings';

/** Builds the demo organisation around `now`: people, mailboxes, the team, its sites, meetings. */
export async function createSeedState(now: number): Promise<TenantState> {
  const state: TenantState = {
    schemaVersion: 1,
    seededAt: new Date(now).toISOString(),
    keys: await createSigningKeys(),
    sequence: 0,
    users: {},
    mailboxSettings: {},
    events: {},
    transactions: {},
    chats: {},
    groups: {},
    sites: {},
    lists: {},
  };
  for (const p of PEOPLE) {
    state.users[p.id] = userOf(p);
    state.mailboxSettings[p.id] = mailboxOf(p);
  }
  state.groups[TEAM.groupId] = {
    id: TEAM.groupId,
    displayName: TEAM.displayName,
    description: TEAM.description,
    mail: `platform@${TENANT_DOMAIN}`,
    memberIds: [...TEAM.memberIds],
    ownerIds: [...TEAM.ownerIds],
  };
  // The team's own site, connected to its Microsoft 365 group. The relay's Sites.Selected grants
  // (read here, to check who was grouped in a coffee round; write on the private site) are made by
  // provisioning (`provisionLocalStorage`), as an admin makes them in a real tenant.
  state.sites[SITES.team.id] = {
    ...siteOf(SITES.team, [...TEAM.memberIds], now),
    groupId: TEAM.groupId,
  };
  // The private site has no person in it at all, and belongs to no group.
  state.sites[SITES.private.id] = siteOf(SITES.private, [], now);
  seedMeetings(state, now);
  // The seed's meetings were sent before anyone looked: the outbox starts empty.
  state.outbox = [];
  return state;
}

function userOf(p: SeedPerson): G.User {
  // Fictional 555-01xx numbers, one office line and one mobile per person, from the id's number.
  const nn = p.id.slice(-2);
  return {
    id: p.id,
    businessPhones: [`+1 425 555 01${nn}`],
    displayName: `${p.givenName} ${p.surname}`,
    givenName: p.givenName,
    surname: p.surname,
    jobTitle: p.jobTitle,
    mail: upnOf(p),
    mobilePhone: `+1 425 555 02${nn}`,
    officeLocation: p.officeLocation,
    preferredLanguage: p.preferredLanguage,
    userPrincipalName: upnOf(p),
  };
}

function mailboxOf(p: SeedPerson): G.MailboxSettings {
  return {
    archiveFolder: 'AAMkAGI1AAAAAAEeAAA=',
    timeZone: p.mailboxTimeZone,
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: '2026-01-01T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-01-02T00:00:00.0000000', timeZone: 'UTC' },
    },
    language: { locale: p.preferredLanguage, displayName: p.preferredLanguage },
    dateFormat: 'yyyy-MM-dd',
    timeFormat: 'HH:mm',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    userPurpose: 'user',
    workingHours: {
      daysOfWeek: [...p.workDays] as G.DayOfWeek[],
      startTime: `${p.workStart}:00.0000000`,
      endTime: `${p.workEnd}:00.0000000`,
      timeZone: { name: p.mailboxTimeZone },
    },
  };
}

function siteOf(
  s: { id: string; name: string; displayName: string },
  memberIds: string[],
  now: number,
): StoredSite {
  return {
    site: {
      id: s.id,
      name: s.name,
      displayName: s.displayName,
      webUrl: `https://localhost/sites/${s.name}`,
      createdDateTime: new Date(now - 400 * 86_400_000).toISOString(),
      lastModifiedDateTime: new Date(now).toISOString(),
      description: '',
    },
    memberIds,
    appGrants: {},
    listIds: [],
  };
}
