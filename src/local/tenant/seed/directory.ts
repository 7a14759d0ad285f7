/**
 * The demo organisation's stable identities. Ids, UPNs and the tenant id never change between
 * runs so tests, docs and bookmarks can name them; README's "Demo people" table lists them.
 */
export const TENANT_ID = '7a1b2c3d-0000-4000-8000-0000000000a1';
export const TENANT_DOMAIN = 'rapportdemo.onmicrosoft.com';

/** Rapport's own app registration (SPA) and the relay's API, as Entra would hold them. */
export const RAPPORT_CLIENT_ID = 'b7f1c3a2-5d4e-4f60-9a1b-2c3d4e5f6a70';
export const RELAY_APP_ID = 'c8e2d4b3-6e5f-4a71-8b2c-3d4e5f6a7b81';
export const RELAY_API_AUDIENCE = `api://localhost/${RELAY_APP_ID}`;
export const RELAY_SCOPE = 'Relay.Access';
/** The relay's app-only secret in the local tenant only; a real tenant uses a certificate. */
export const RELAY_LOCAL_SECRET = 'local-relay-secret-not-for-production';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/**
 * The admin's own app registration for `npm run provision` (app-only, with the application
 * permissions of PROVISIONING_PERMISSIONS in src/graph/storage/provision-rapport.ts). The local
 * tenant provisions itself with it on first start; in a real tenant the admin registers one
 * (docs/admin.md). Its secret exists in the local tenant only.
 */
export const PROVISIONING_APP_ID = 'd9f3e5c4-7a60-4b82-9c3d-4e5f6a7b8c92';
export const PROVISIONING_LOCAL_SECRET = 'local-provisioning-secret-not-for-production';

export interface SeedPerson {
  id: string;
  givenName: string;
  surname: string;
  alias: string;
  jobTitle: string;
  officeLocation: string;
  /** As the person's mailbox settings store it: usually IANA, sometimes a Windows name. */
  mailboxTimeZone: string;
  /** IANA zone the seed uses for working hours and meeting times. */
  ianaZone: string;
  workStart: string;
  workEnd: string;
  workDays: readonly string[];
  preferredLanguage: string;
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const sunThu = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'] as const;

const person = (n: number, p: Omit<SeedPerson, 'id'>): SeedPerson => ({
  id: `5e3d0000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
  ...p,
});

/** Fourteen people in eight time zones: one half-hour offset (India), southern hemisphere
 * (Sydney, São Paulo), Windows-named zones in mailbox settings (Ana, Grace), one Sunday–Thursday week. */
export const PEOPLE: readonly SeedPerson[] = [
  person(1, {
    givenName: 'Ana',
    surname: 'Ruiz',
    alias: 'ana',
    jobTitle: 'Engineering Lead',
    officeLocation: 'Seattle',
    mailboxTimeZone: 'Pacific Standard Time',
    ianaZone: 'America/Los_Angeles',
    workStart: '08:00',
    workEnd: '17:00',
    workDays: weekdays,
    preferredLanguage: 'en-US',
  }),
  person(2, {
    givenName: 'Ben',
    surname: 'Okafor',
    alias: 'ben',
    jobTitle: 'Software Engineer',
    officeLocation: 'London',
    mailboxTimeZone: 'Europe/London',
    ianaZone: 'Europe/London',
    workStart: '09:00',
    workEnd: '17:30',
    workDays: weekdays,
    preferredLanguage: 'en-GB',
  }),
  person(3, {
    givenName: 'Divya',
    surname: 'Nair',
    alias: 'divya',
    jobTitle: 'Software Engineer',
    officeLocation: 'Bengaluru',
    mailboxTimeZone: 'Asia/Kolkata',
    ianaZone: 'Asia/Kolkata',
    workStart: '09:30',
    workEnd: '18:30',
    workDays: weekdays,
    preferredLanguage: 'en-IN',
  }),
  person(4, {
    givenName: 'Emma',
    surname: 'Clarke',
    alias: 'emma',
    jobTitle: 'Product Designer',
    officeLocation: 'Sydney',
    mailboxTimeZone: 'Australia/Sydney',
    ianaZone: 'Australia/Sydney',
    workStart: '08:30',
    workEnd: '17:00',
    workDays: weekdays,
    preferredLanguage: 'en-AU',
  }),
  person(5, {
    givenName: 'Felipe',
    surname: 'Souza',
    alias: 'felipe',
    jobTitle: 'QA Engineer',
    officeLocation: 'São Paulo',
    mailboxTimeZone: 'America/Sao_Paulo',
    ianaZone: 'America/Sao_Paulo',
    workStart: '09:00',
    workEnd: '18:00',
    workDays: weekdays,
    preferredLanguage: 'pt-BR',
  }),
  person(6, {
    givenName: 'Grace',
    surname: 'Kim',
    alias: 'grace',
    jobTitle: 'Product Manager',
    officeLocation: 'New York',
    mailboxTimeZone: 'Eastern Standard Time',
    ianaZone: 'America/New_York',
    workStart: '09:00',
    workEnd: '17:00',
    workDays: weekdays,
    preferredLanguage: 'en-US',
  }),
  person(7, {
    givenName: 'Hiro',
    surname: 'Tanaka',
    alias: 'hiro',
    jobTitle: 'Site Reliability Engineer',
    officeLocation: 'Tokyo',
    mailboxTimeZone: 'Asia/Tokyo',
    ianaZone: 'Asia/Tokyo',
    workStart: '10:00',
    workEnd: '19:00',
    workDays: weekdays,
    preferredLanguage: 'ja-JP',
  }),
  person(8, {
    givenName: 'Isla',
    surname: 'Murphy',
    alias: 'isla',
    jobTitle: 'Technical Writer',
    officeLocation: 'Dublin',
    mailboxTimeZone: 'Europe/Dublin',
    ianaZone: 'Europe/Dublin',
    workStart: '09:00',
    workEnd: '17:30',
    workDays: weekdays,
    preferredLanguage: 'en-IE',
  }),
  person(9, {
    givenName: 'Jonas',
    surname: 'Berg',
    alias: 'jonas',
    jobTitle: 'Software Engineer',
    officeLocation: 'Berlin',
    mailboxTimeZone: 'Europe/Berlin',
    ianaZone: 'Europe/Berlin',
    workStart: '08:00',
    workEnd: '16:30',
    workDays: weekdays,
    preferredLanguage: 'de-DE',
  }),
  person(10, {
    givenName: 'Kemi',
    surname: 'Adeyemi',
    alias: 'kemi',
    jobTitle: 'Data Analyst',
    officeLocation: 'Lagos',
    mailboxTimeZone: 'Africa/Lagos',
    ianaZone: 'Africa/Lagos',
    workStart: '09:00',
    workEnd: '17:00',
    workDays: weekdays,
    preferredLanguage: 'en-NG',
  }),
  person(11, {
    givenName: 'Liam',
    surname: 'Walsh',
    alias: 'liam',
    jobTitle: 'Support Engineer',
    officeLocation: 'Chicago',
    mailboxTimeZone: 'America/Chicago',
    ianaZone: 'America/Chicago',
    workStart: '08:00',
    workEnd: '16:00',
    workDays: weekdays,
    preferredLanguage: 'en-US',
  }),
  person(12, {
    givenName: 'Maya',
    surname: 'Levi',
    alias: 'maya',
    jobTitle: 'Security Engineer',
    officeLocation: 'Tel Aviv',
    mailboxTimeZone: 'Asia/Jerusalem',
    ianaZone: 'Asia/Jerusalem',
    workStart: '09:00',
    workEnd: '18:00',
    workDays: sunThu,
    preferredLanguage: 'he-IL',
  }),
  person(13, {
    givenName: 'Noah',
    surname: 'Schmidt',
    alias: 'noah',
    jobTitle: 'Engineering Manager',
    officeLocation: 'Berlin',
    mailboxTimeZone: 'Europe/Berlin',
    ianaZone: 'Europe/Berlin',
    workStart: '09:00',
    workEnd: '17:00',
    workDays: weekdays,
    preferredLanguage: 'de-DE',
  }),
  person(14, {
    givenName: 'Olivia',
    surname: 'Chen',
    alias: 'olivia',
    jobTitle: 'Recruiter',
    officeLocation: 'Seattle',
    mailboxTimeZone: 'America/Los_Angeles',
    ianaZone: 'America/Los_Angeles',
    workStart: '09:00',
    workEnd: '17:00',
    workDays: weekdays,
    preferredLanguage: 'en-US',
  }),
];

export const upnOf = (p: SeedPerson): string => `${p.alias}@${TENANT_DOMAIN}`;

/** Everyone but Olivia (recruiting, outside the team) is in the team. */
export const TEAM = {
  groupId: '9a7e0000-0000-4000-8000-000000000001',
  displayName: 'Northwind Platform',
  description: 'The platform team, spread across eight time zones.',
  channelId: '19:platform-general@thread.tacv2',
  channelName: 'General',
  helpChannelId: '19:platform-help@thread.tacv2',
  memberIds: PEOPLE.filter((p) => p.alias !== 'olivia').map((p) => p.id),
  ownerIds: [PEOPLE[0]?.id ?? ''],
} as const;

export const SITES = {
  team: {
    id: 'localhost,1f0e0000-0000-4000-8000-000000000001,2f0e0000-0000-4000-8000-000000000001',
    name: 'NorthwindPlatform',
    displayName: 'Northwind Platform',
  },
  private: {
    id: 'localhost,1f0e0000-0000-4000-8000-000000000002,2f0e0000-0000-4000-8000-000000000002',
    name: 'RapportPrivate',
    displayName: 'Rapport private store',
  },
} as const;
