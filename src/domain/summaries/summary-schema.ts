import { z } from 'zod';
import {
  attendeeIdSchema,
  DELIVERABLE_STATUSES,
  dueDateSchema,
  EXPECTATION_LIMITS,
  meetingKeySchema,
  textSchema,
} from '../expectations/schema';

/**
 * A meeting summary as the organizer posts it to the meeting chat: what the expectations said
 * (copied at writing time, so the summary reads the same after the expectations move on) plus the
 * decisions and next steps typed in. Stored in the team site's `Summaries` list, one item per
 * meeting occurrence, and validated on every read and write like any member-writable payload.
 */

export const SUMMARY_SCHEMA_VERSION = 1;

export const SUMMARY_LIMITS = {
  decisionsMaxCount: 15,
  decisionMaxLength: 300,
  nextStepsMaxCount: 15,
  nextStepMaxLength: 300,
  /** Display names come from the directory; Entra caps them at 256. */
  ownerNameMaxLength: 256,
  subjectMaxLength: 255,
  /** Teams chat ids (`19:meeting_…@thread.v2`) are about 100 characters. */
  chatIdMaxLength: 512,
  /** Teams message ids are epoch milliseconds. */
  messageIdMaxLength: 64,
} as const;

const L = SUMMARY_LIMITS;
const E = EXPECTATION_LIMITS;

/** A deliverable as the summary shows it: who owns it by name, and its status when written. */
export const summaryDeliverableSchema = z.object({
  id: textSchema('The deliverable id', E.deliverableIdMaxLength, {
    required: 'The deliverable id is missing.',
  }),
  title: textSchema('A deliverable', E.deliverableTitleMaxLength, {
    required: 'Give every deliverable a title.',
  }),
  ownerId: attendeeIdSchema,
  ownerName: textSchema('An owner’s name', L.ownerNameMaxLength),
  due: dueDateSchema,
  status: z.enum(DELIVERABLE_STATUSES, {
    error: 'Status is one of: not started, on track, at risk, blocked, done.',
  }),
  obstacle: textSchema('The obstacle', E.obstacleMaxLength).optional(),
});

const listOf = (item: z.ZodType<string>, max: number, what: string) =>
  z.array(item).max(max, { error: `A summary can have at most ${String(max)} ${what}.` });

export const summaryContentSchema = z.object({
  purpose: textSchema('The purpose', E.purposeMaxLength),
  deliverables: z.array(summaryDeliverableSchema).max(E.deliverablesMaxCount, {
    error: `A summary can list at most ${String(E.deliverablesMaxCount)} deliverables.`,
  }),
  successMetrics: listOf(
    textSchema('A success metric', E.successMetricMaxLength, {
      required: "A success metric can't be empty.",
    }),
    E.successMetricsMaxCount,
    'success metrics',
  ),
  decisions: listOf(
    textSchema('A decision', L.decisionMaxLength, { required: "A decision can't be empty." }),
    L.decisionsMaxCount,
    'decisions',
  ),
  nextSteps: listOf(
    textSchema('A next step', L.nextStepMaxLength, { required: "A next step can't be empty." }),
    L.nextStepsMaxCount,
    'next steps',
  ),
});

/** The `Summaries` list's payload. */
export const summaryRecordSchema = z.object({
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION, {
    error: `Unknown summary version (this app reads version ${String(SUMMARY_SCHEMA_VERSION)}).`,
  }),
  /** The occurrence's iCalUId: one summary per meeting occurrence. */
  meetingKey: meetingKeySchema,
  seriesKey: meetingKeySchema.optional(),
  subject: textSchema('The meeting subject', L.subjectMaxLength),
  chatId: textSchema('The chat id', L.chatIdMaxLength, { required: 'The chat id is missing.' }),
  content: summaryContentSchema,
  /**
   * The chat message that carries the summary, once its post is confirmed. Absent between the
   * record's write and the post's confirmation: a retry then looks for the marker first.
   */
  postedMessageId: textSchema('The message id', L.messageIdMaxLength).optional(),
});

export type SummaryDeliverable = z.output<typeof summaryDeliverableSchema>;
export type SummaryContent = z.output<typeof summaryContentSchema>;
export type SummaryRecord = z.output<typeof summaryRecordSchema>;
