import {
  Body1,
  Button,
  Field,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import type { StoredSummary } from '../../domain/ports/summaries';
import {
  checkSummary,
  deliverableLine,
  linesOf,
  summaryFromExpectations,
} from '../../domain/summaries/build-summary';
import type { SummaryContent } from '../../domain/summaries/summary-schema';
import { ErrorState } from '../shared/error-state';
import { useServices } from '../shared/services';
import { attendeeNames } from '../meeting/labels';
import { effectiveOf } from '../meeting/save-plan';
import { SummaryPreview } from './summary-preview';
import { TYPED_LISTS, listErrors, otherErrors, type TypedList } from './summary-form';
import { usePostSummary } from './use-summary';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type SummaryNotice = { intent: 'success' | 'warning'; text: string };

/**
 * "Write summary": what the expectations say (purpose, deliverables with owners, due dates and
 * live status, success metrics) is filled in and shown as it will be posted; the organizer types
 * decisions and next steps, previews, then posts (or updates the message already posted).
 */
export function SummaryEditor({
  data,
  chatId,
  stored,
  onDone,
  onCancel,
}: {
  data: MeetingExpectations;
  chatId: string;
  stored: StoredSummary | undefined;
  onDone: (notice: SummaryNotice) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const ids = { preview: useId(), heading: useId() };
  const prefilled = useMemo(
    () =>
      summaryFromExpectations(
        effectiveOf(data)?.expectations,
        data.deliverables,
        attendeeNames(data.attendees),
      ),
    [data],
  );
  const [typed, setTyped] = useState<Record<TypedList, string>>(() => ({
    decisions: stored?.record.content.decisions.join('\n') ?? '',
    nextSteps: stored?.record.content.nextSteps.join('\n') ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [previewing, setPreviewing] = useState(false);
  const [base, setBase] = useState(stored);
  const post = usePostSummary(data.meeting.iCalUId);
  const { summaries } = useServices();

  const content: SummaryContent = {
    ...prefilled,
    decisions: linesOf(typed.decisions),
    nextSteps: linesOf(typed.nextSteps),
  };

  const preview = () => {
    const checked = checkSummary(content);
    setErrors(checked.kind === 'invalid' ? checked.errors : {});
    setPreviewing(checked.kind === 'ok');
  };

  const send = (from: StoredSummary | undefined = base) => {
    post.mutate(
      { meeting: data.meeting, chatId, content, ...(from ? { base: from } : {}) },
      {
        onSuccess: (outcome) => {
          if (outcome.kind === 'posted') {
            onDone({
              intent: 'success',
              text:
                outcome.message === 'posted'
                  ? 'The summary is posted to the meeting chat.'
                  : 'The summary in the meeting chat is updated.',
            });
          } else if (outcome.kind === 'invalid') {
            setErrors(outcome.errors);
            setPreviewing(false);
          } else {
            onDone({
              intent: 'warning',
              text: 'Someone else changed this summary meanwhile, so yours was not posted. Their version is shown; edit it again to change it.',
            });
          }
        },
      },
    );
  };

  const retry = async () => {
    post.reset();
    // The record was written before the post: when it holds what this person typed, it is the
    // base, so the retry finds the message by its marker instead of seeing a conflict.
    const current = await summaries.get(data.meeting.iCalUId).catch(() => undefined);
    const ours =
      current?.kind === 'found' &&
      JSON.stringify([current.record.content.decisions, current.record.content.nextSteps]) ===
        JSON.stringify([content.decisions, content.nextSteps]);
    const next = ours ? { record: current.record, version: current.version } : base;
    setBase(next);
    send(next);
  };

  const other = otherErrors(errors);
  return (
    <div className={styles.form}>
      <Subtitle2 as="h3" id={ids.heading}>
        {stored ? 'Edit the meeting summary' : 'Write the meeting summary'}
      </Subtitle2>
      {previewing ? (
        <>
          <SummaryPreview
            subject={data.meeting.subject}
            content={content}
            headingId={ids.preview}
          />
          {post.isError ? (
            <ErrorState
              title="The summary could not be posted."
              error={post.error}
              onRetry={() => void retry()}
            />
          ) : null}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => {
                send();
              }}
              disabled={post.isPending}
            >
              {post.isPending
                ? 'Posting…'
                : stored?.record.postedMessageId
                  ? 'Update the posted summary'
                  : 'Post to meeting chat'}
            </Button>
            <Button
              onClick={() => {
                setPreviewing(false);
              }}
              disabled={post.isPending}
            >
              Back to editing
            </Button>
          </div>
        </>
      ) : (
        <>
          <Body1 as="p">
            From the meeting’s expectations{prefilled.purpose === '' ? ' (none were written)' : ''}:
          </Body1>
          {prefilled.deliverables.length > 0 ? (
            <ul className={styles.list} aria-label="Deliverables in the summary">
              {prefilled.deliverables.map((d) => (
                <li key={d.id}>{deliverableLine(d)}</li>
              ))}
            </ul>
          ) : null}
          {(['decisions', 'nextSteps'] as const).map((list) => {
            const messages = listErrors(errors, list);
            const spec = TYPED_LISTS[list];
            return (
              <Field
                key={list}
                label={spec.label}
                hint={spec.hint}
                validationState={messages.length > 0 ? 'error' : 'none'}
                validationMessage={messages.length > 0 ? messages.join(' ') : undefined}
              >
                <Textarea
                  value={typed[list]}
                  resize="vertical"
                  rows={3}
                  // Room for every line at its limit plus line breaks; the schema says which line.
                  maxLength={spec.maxCount * (spec.maxLength + 2)}
                  onChange={(_e, d) => {
                    setTyped((t) => ({ ...t, [list]: d.value }));
                  }}
                />
              </Field>
            );
          })}
          {other.length > 0 ? (
            <ErrorState title="The summary can’t be posted yet." error={other.join(' ')} />
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={preview}>
              Preview
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        </>
      )}
    </div>
  );
}
