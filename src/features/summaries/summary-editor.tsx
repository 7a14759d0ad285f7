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
import { useT } from '../shared/i18n/i18n';
import { listErrors, otherErrors, typedLists, type TypedList } from './summary-form';
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
  const t = useT();
  const ids = { preview: useId(), heading: useId() };
  const prefilled = useMemo(
    () =>
      summaryFromExpectations(
        effectiveOf(data)?.expectations,
        data.deliverables,
        attendeeNames(data.attendees, t),
      ),
    [data, t],
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
    const checked = checkSummary(content, t.domainText.summary);
    setErrors(checked.kind === 'invalid' ? checked.errors : {});
    setPreviewing(checked.kind === 'ok');
  };

  const send = (from: StoredSummary | undefined = base) => {
    post.mutate(
      {
        meeting: data.meeting,
        chatId,
        content,
        ...(from ? { base: from } : {}),
        words: t.domainText.summary,
      },
      {
        onSuccess: (outcome) => {
          if (outcome.kind === 'posted') {
            onDone({
              intent: 'success',
              text:
                outcome.message === 'posted' ? t.summaries.postedNotice : t.summaries.updatedNotice,
            });
          } else if (outcome.kind === 'invalid') {
            setErrors(outcome.errors);
            setPreviewing(false);
          } else {
            onDone({
              intent: 'warning',
              text: t.summaries.conflictNotice,
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
        {stored ? t.summaries.editHeading : t.summaries.writeHeading}
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
              title={t.summaries.postFailed}
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
                ? t.summaries.posting
                : stored?.record.postedMessageId
                  ? t.summaries.updatePosted
                  : t.summaries.post}
            </Button>
            <Button
              onClick={() => {
                setPreviewing(false);
              }}
              disabled={post.isPending}
            >
              {t.summaries.backToEditing}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Body1 as="p">{t.summaries.fromExpectations(prefilled.purpose === '')}</Body1>
          {prefilled.deliverables.length > 0 ? (
            <ul className={styles.list} aria-label={t.summaries.deliverablesInSummary}>
              {prefilled.deliverables.map((d) => (
                <li key={d.id}>{deliverableLine(d, t.domainText.summary)}</li>
              ))}
            </ul>
          ) : null}
          {(['decisions', 'nextSteps'] as const).map((list) => {
            const messages = listErrors(errors, list, t);
            const spec = typedLists(t)[list];
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
                    setTyped((current) => ({ ...current, [list]: d.value }));
                  }}
                />
              </Field>
            );
          })}
          {other.length > 0 ? (
            <ErrorState title={t.summaries.cannotPostYet} error={other.join(' ')} />
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={preview}>
              {t.summaries.preview}
            </Button>
            <Button onClick={onCancel}>{t.summaries.cancel}</Button>
          </div>
        </>
      )}
    </div>
  );
}
