import type { Instant } from '../../domain/time/instant';

/** "09:30" in the person's zone and language. */
export const timeIn = (at: Instant, zone: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
    at,
  );

/** "Wednesday, 11 March" for a local date string. */
export const dayHeading = (date: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));

/** "Pacific Time" style name of a zone, for telling people which clock they are reading. */
export const zoneName = (zone: string, locale: string, at: Instant): string => {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
};
