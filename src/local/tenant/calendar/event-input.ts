import { z } from 'zod';
import { graphEnum, recurrenceSchema } from './recurrence';

const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/,
    'expected a local date-time such as 2026-03-15T09:00:00',
  );

export const dateTimeTimeZoneSchema = z.object({
  dateTime: localDateTime,
  timeZone: z.string().min(1).max(100),
});

const emailAddressSchema = z.object({
  address: z
    .string()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+$/, 'not an email address'),
  name: z.string().max(256).optional(),
});

const attendeeSchema = z.object({
  emailAddress: emailAddressSchema,
  type: graphEnum(['required', 'optional', 'resource']).default('required'),
});

/** The CSDL's locationType and locationUniqueIdType members. */
export const LOCATION_TYPES = [
  'default',
  'conferenceRoom',
  'homeAddress',
  'businessAddress',
  'geoCoordinates',
  'streetAddress',
  'hotel',
  'restaurant',
  'localBusiness',
  'postalAddress',
] as const;
const LOCATION_UNIQUE_ID_TYPES = [
  'unknown',
  'locationStore',
  'directory',
  'private',
  'bing',
] as const;

const locationSchema = z.looseObject({
  displayName: z.string().max(255).optional(),
  locationType: graphEnum(LOCATION_TYPES).optional(),
  uniqueId: z.string().max(255).optional(),
  uniqueIdType: graphEnum(LOCATION_UNIQUE_ID_TYPES).optional(),
});

/** The event properties a client may write, with Graph's limits; enums read case-insensitively. */
export const eventWriteSchema = z.object({
  subject: z.string().max(255).optional(),
  body: z
    .object({
      contentType: graphEnum(['html', 'text']),
      content: z.string().max(2_000_000),
    })
    .optional(),
  start: dateTimeTimeZoneSchema.optional(),
  end: dateTimeTimeZoneSchema.optional(),
  location: locationSchema.optional(),
  locations: z.array(locationSchema).max(50).optional(),
  attendees: z.array(attendeeSchema).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: graphEnum([
    'teamsForBusiness',
    'skypeForBusiness',
    'skypeForConsumer',
    'unknown',
  ]).optional(),
  recurrence: recurrenceSchema.nullable().optional(),
  transactionId: z.string().min(1).max(255).optional(),
  showAs: graphEnum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  categories: z.array(z.string().max(255)).max(50).optional(),
  importance: graphEnum(['low', 'normal', 'high']).optional(),
  sensitivity: graphEnum(['normal', 'personal', 'private', 'confidential']).optional(),
  reminderMinutesBeforeStart: z.number().int().min(0).max(525_600).optional(),
  isReminderOn: z.boolean().optional(),
  allowNewTimeProposals: z.boolean().optional(),
  responseRequested: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
});

export type EventWrite = z.output<typeof eventWriteSchema>;
export type EventWriteInput = z.input<typeof eventWriteSchema>;

export const KNOWN_EVENT_KEYS = new Set(Object.keys(eventWriteSchema.shape));
