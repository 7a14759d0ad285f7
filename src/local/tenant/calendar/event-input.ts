import { z } from 'zod';
import { recurrenceSchema } from './recurrence';

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
  type: z.enum(['required', 'optional', 'resource']).default('required'),
});

const locationSchema = z.looseObject({
  displayName: z.string().max(255).optional(),
  locationType: z.string().max(50).optional(),
});

/** The event properties a client may write, with Graph's limits. */
export const eventWriteSchema = z.object({
  subject: z.string().max(255).optional(),
  body: z
    .object({
      contentType: z
        .enum(['html', 'text', 'HTML', 'Text'])
        .transform((v) => v.toLowerCase() as 'html' | 'text'),
      content: z.string().max(2_000_000),
    })
    .optional(),
  start: dateTimeTimeZoneSchema.optional(),
  end: dateTimeTimeZoneSchema.optional(),
  location: locationSchema.optional(),
  locations: z.array(locationSchema).max(50).optional(),
  attendees: z.array(attendeeSchema).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z
    .enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown'])
    .optional(),
  recurrence: recurrenceSchema.nullable().optional(),
  transactionId: z.string().min(1).max(255).optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  categories: z.array(z.string().max(255)).max(50).optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  reminderMinutesBeforeStart: z.number().int().min(0).max(525_600).optional(),
  isReminderOn: z.boolean().optional(),
  allowNewTimeProposals: z.boolean().optional(),
  responseRequested: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
});

export type EventWrite = z.output<typeof eventWriteSchema>;
export type EventWriteInput = z.input<typeof eventWriteSchema>;

export const KNOWN_EVENT_KEYS = new Set(Object.keys(eventWriteSchema.shape));
