import { Temporal } from 'temporal-polyfill';
import { WINDOWS_TO_IANA_MAP, findIanaAliases, findWindows } from 'windows-iana';
import { instant, type Instant } from './instant';

/**
 * Time-zone names as Microsoft Graph writes them (Windows names such as "Pacific Standard Time")
 * and as everything else writes them (IANA names such as "America/Los_Angeles").
 *
 * Graph accepts either kind in `dateTimeTimeZone.timeZone` and in `Prefer: outlook.timezone`, so
 * every conversion here takes either kind and resolves it to an IANA id that Temporal accepts.
 */

/** Graph's `dayOfWeek` enum, in Graph's own order (sunday = 0). */
export const DAYS_OF_WEEK = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/**
 * CLDR keeps old ids as its canonical ones forever ("Asia/Calcutta"), so windows-iana lists them
 * first; IANA renamed these zones and the new names are what people and newer data expect. CLDR
 * records the rename in an `iana` attribute that windows-iana does not carry, hence this table.
 * A renamed id is used only where the runtime's Temporal knows it (old ICU data may not).
 */
const CURRENT_IANA_NAME: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

const LEGACY_IANA_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CURRENT_IANA_NAME).map(([legacy, current]) => [current, legacy]),
);

const UTC = 'UTC';

/** Windows name (lower-cased) → its properly cased name and CLDR's "golden" zone (territory 001). */
const WINDOWS_ZONES: ReadonlyMap<string, { name: string; golden: string }> = (() => {
  const zones = new Map<string, { name: string; golden: string }>();
  // Widened from windows-iana's literal tuples, whose types claim every row names a zone.
  const rows: readonly { windowsName: string; territory: string; iana: readonly string[] }[] =
    WINDOWS_TO_IANA_MAP;
  for (const row of rows) {
    const key = row.windowsName.toLowerCase();
    const golden = row.iana[0];
    if (golden === undefined) continue;
    // The 001 row names the zone Windows means; other rows are territories that share its rules.
    if (row.territory === '001' || !zones.has(key))
      zones.set(key, { name: row.windowsName, golden });
  }
  return zones;
})();

/**
 * Every spelling of UTC or GMT (without offset): Windows' "UTC" covers both Etc/UTC and Etc/GMT,
 * and Exchange reports legacy UTC items as "tzone://Microsoft/Utc".
 */
const UTC_NAMES: ReadonlySet<string> = new Set(
  [
    'utc',
    'tzone://microsoft/utc',
    ...findIanaAliases('Etc/UTC'),
    ...findIanaAliases('Etc/GMT'),
  ].map((name) => name.toLowerCase()),
);

/** The id Temporal uses for `name`, or undefined if Temporal does not know it. */
function temporalZoneId(name: string): string | undefined {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId;
  } catch {
    return undefined;
  }
}

function preferCurrentName(id: string): string {
  const current = CURRENT_IANA_NAME[id];
  if (current === undefined) return id;
  return temporalZoneId(current) ?? id;
}

function fromWindowsName(name: string): string | undefined {
  const zone = WINDOWS_ZONES.get(name.toLowerCase());
  if (zone === undefined) return undefined;
  const golden = temporalZoneId(zone.golden);
  if (golden !== undefined) return preferCurrentName(golden);
  // The golden id is unknown to this runtime: fall back to any alias of it that is known.
  for (const alias of findIanaAliases(zone.golden)) {
    const id = temporalZoneId(alias);
    if (id !== undefined) return preferCurrentName(id);
  }
  return undefined;
}

function fromIanaName(name: string): string | undefined {
  // Temporal also accepts UTC offsets ("+05:30"); Graph does not, and neither do we.
  if (!/^[A-Za-z]/.test(name)) return undefined;
  const id = temporalZoneId(name);
  return id === undefined ? undefined : preferCurrentName(id);
}

function resolve(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  if (UTC_NAMES.has(trimmed.toLowerCase())) return UTC;
  return fromWindowsName(trimmed) ?? fromIanaName(trimmed);
}

// Resolution scans windows-iana's tables and asks Temporal; servers resolve the same few names
// for every event they render. Bounded so that arbitrary client strings cannot grow it forever.
const RESOLVED_CACHE_LIMIT = 1024;
const resolved = new Map<string, string | undefined>();

/**
 * The IANA id for a Windows or IANA zone name, or undefined when the name denotes no zone.
 *
 * - Windows names, case-insensitive: "India Standard Time" → "Asia/Kolkata".
 * - IANA names, case-insensitive; renamed zones give their current name: "Asia/Calcutta" → "Asia/Kolkata".
 * - Any spelling of UTC/GMT, including "Etc/GMT" and "tzone://Microsoft/Utc" → "UTC".
 * - "Customized Time Zone" and "tzone://Microsoft/Custom" → undefined: Outlook writes them for
 *   time-zone definitions that travel outside the name, so the name alone has no rules.
 * - UTC offsets such as "+05:30" → undefined (Graph rejects them too).
 */
export function toIanaZone(name: string): string | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const id = resolve(name);
  if (resolved.size < RESOLVED_CACHE_LIMIT) resolved.set(name, id);
  return id;
}

/** Like `toIanaZone`, for callers that have already validated the name: throws on an unknown zone. */
export function requireIanaZone(name: string): string {
  const id = toIanaZone(name);
  if (id === undefined) throw new Error(`Unknown time zone: '${name}'`);
  return id;
}

/**
 * The Windows name for a Windows or IANA zone name, or undefined when Windows has none.
 * "Asia/Kolkata" → "India Standard Time"; "Europe/Kyiv" → "FLE Standard Time";
 * "pacific standard time" → "Pacific Standard Time".
 */
export function toWindowsZone(zone: string): string | undefined {
  const windows = WINDOWS_ZONES.get(zone.trim().toLowerCase());
  if (windows !== undefined) return windows.name;
  const iana = toIanaZone(zone);
  if (iana === undefined) return undefined;
  const candidates = [iana, LEGACY_IANA_NAME[iana]].filter((id) => id !== undefined);
  for (const id of candidates) {
    const names = findWindows(id);
    // A zone may be listed under several Windows names; the one whose golden zone it is wins.
    const golden = names.find((name) => {
      const aliases: readonly string[] = findIanaAliases(
        WINDOWS_ZONES.get(name.toLowerCase())?.golden ?? '',
      );
      return aliases.includes(id);
    });
    const name = golden ?? names[0];
    if (name !== undefined) return name;
  }
  return undefined;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

/**
 * A Graph `dateTimeTimeZone.dateTime` as a wall-clock value: "2019-03-15T09:00:00", optionally with
 * up to 7 (Graph) or 9 fractional digits. Offsets and "Z" are refused: the zone travels separately.
 * @throws Error on a malformed or impossible date-time.
 */
export function parseLocalDateTime(localDateTime: string): Temporal.PlainDateTime {
  if (!LOCAL_DATE_TIME.test(localDateTime)) {
    throw new Error(
      `Invalid local date-time '${localDateTime}': expected a form such as 2019-03-15T09:00:00`,
    );
  }
  try {
    return Temporal.PlainDateTime.from(localDateTime, { overflow: 'reject' });
  } catch {
    throw new Error(`Invalid local date-time '${localDateTime}': no such date or time`);
  }
}

/**
 * The instant of a wall-clock time in a zone, as Graph reads `dateTimeTimeZone`.
 *
 * Times that do not exist or exist twice resolve as Temporal's 'compatible' rule (and RFC 5545):
 * in a spring-forward gap the clock is read with the offset before the gap, so
 * 2024-03-10T02:30 in Los Angeles is 10:30Z (shown as 03:30 PDT); in a fall-back overlap the
 * earlier instant wins, so 2024-11-03T01:30 is 08:30Z (01:30 PDT, not 01:30 PST).
 *
 * @throws Error on an unknown zone or a malformed or impossible date-time.
 */
export function zonedLocalToInstant(localDateTime: string, zone: string): Instant {
  const id = requireIanaZone(zone);
  const local = parseLocalDateTime(localDateTime);
  return instant(local.toZonedDateTime(id, { disambiguation: 'compatible' }).epochMilliseconds);
}

function zoned(at: Instant, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(requireIanaZone(zone));
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** "2019-03-15", as Graph writes `Edm.Date`. */
export function formatPlainDate(date: Temporal.PlainDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The wall-clock time of an instant in a zone, formatted as Graph writes `dateTimeTimeZone.dateTime`:
 * seven fractional digits, no offset. 2019-03-15T19:00:00Z in "Pacific Standard Time" →
 * "2019-03-15T12:00:00.0000000".
 */
export function instantToZonedLocal(at: Instant, zone: string): string {
  const local = zoned(at, zone);
  const time = `${pad(local.hour, 2)}:${pad(local.minute, 2)}:${pad(local.second, 2)}`;
  return `${formatPlainDate(local.toPlainDate())}T${time}.${pad(local.millisecond, 3)}0000`;
}

/** The calendar date of an instant in a zone, "2019-03-15". */
export function localDateOf(at: Instant, zone: string): string {
  return formatPlainDate(zoned(at, zone).toPlainDate());
}

/** The day of the week of an instant in a zone, as Graph names it. */
export function weekdayOf(at: Instant, zone: string): DayOfWeek {
  // Temporal counts monday = 1 … sunday = 7; Graph counts sunday = 0 … saturday = 6.
  const day = DAYS_OF_WEEK[zoned(at, zone).dayOfWeek % 7];
  if (day === undefined) throw new Error('unreachable: dayOfWeek is 1..7');
  return day;
}
