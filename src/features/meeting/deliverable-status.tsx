import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import {
  DELIVERABLE_STATUSES,
  EXPECTATION_LIMITS,
  STATUSES_WITH_OBSTACLE,
  type DeliverableStatus,
} from '../../domain/expectations/schema';
import type { DeliverableState } from '../../domain/ports/expectations';
import { ErrorState } from '../shared/error-state';
import { wordedErrors } from '../shared/graph-text';
import { useT } from '../shared/i18n/i18n';
import { messageAt } from './form-errors';
import type { MeetingSource } from './meeting-source';

import { useSetStatus } from './use-meeting-expectations';

const STATUS_COLORS: Record<DeliverableStatus, NonNullable<BadgeProps['color']>> = {
  notStarted: 'informative',
  onTrack: 'brand',
  atRisk: 'warning',
  blocked: 'danger',
  done: 'success',
};

/** A status as a badge with its words (colour is never the only signal). */
export function StatusBadge({ status }: { status: DeliverableStatus }) {
  const t = useT();
  return (
    <Badge appearance="tint" color={STATUS_COLORS[status]}>
      {t.meeting.status[status]}
    </Badge>
  );
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'stretch',
    marginTop: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const obstacleOf = (state: DeliverableState): string =>
  'obstacle' in state.deliverable ? state.deliverable.obstacle : '';

type Result =
  | { kind: 'saved' }
  | { kind: 'conflict'; theirs: DeliverableState }
  | { kind: 'invalid'; errors: Record<string, string[]> }
  | { kind: 'failed'; error: unknown };

/**
 * A deliverable's owner reporting status and obstacle. Never touches the invite. What the owner
 * types stays in the form through refetches and conflicts: a conflict shows what someone else set
 * and lets the owner apply theirs over it knowingly.
 */
export function OwnerStatusForm({
  source,
  state,
  title,
}: {
  /** The meeting view the form sits in; absent on Home, which lists deliverables across meetings. */
  source?: MeetingSource;
  state: DeliverableState;
  title: string;
}) {
  const styles = useStyles();
  const t = useT();
  const setStatus = useSetStatus(source);
  const [status, setStatusValue] = useState<DeliverableStatus>(state.deliverable.status);
  const [obstacle, setObstacle] = useState(obstacleOf(state));
  const [theirs, setTheirs] = useState<DeliverableState | undefined>(undefined);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const [missingObstacle, setMissingObstacle] = useState(false);
  const obstacleRef = useRef<HTMLTextAreaElement>(null);
  const needsObstacle = STATUSES_WITH_OBSTACLE.has(status);
  const max = EXPECTATION_LIMITS.obstacleMaxLength;

  const submit = async () => {
    if (needsObstacle && obstacle.trim() === '') {
      setMissingObstacle(true);
      obstacleRef.current?.focus();
      return;
    }
    setMissingObstacle(false);
    setResult(undefined);
    try {
      // After a conflict, the write goes over the version the owner has now been shown.
      const outcome = await setStatus.mutateAsync({
        state: theirs ?? state,
        status,
        ...(needsObstacle ? { obstacle } : {}),
      });
      if (outcome.kind === 'conflict') setTheirs(outcome.theirs);
      else if (outcome.kind === 'saved') setTheirs(undefined);
      if (outcome.kind === 'saved') setResult({ kind: 'saved' });
      else if (outcome.kind === 'invalid') {
        setResult({ kind: 'invalid', errors: wordedErrors(outcome, t) });
      } else setResult(outcome);
    } catch (error) {
      setResult({ kind: 'failed', error });
    }
  };

  const obstacleError = missingObstacle
    ? t.meeting.obstacleNeeded
    : result?.kind === 'invalid'
      ? messageAt(result.errors, 'obstacle')
      : undefined;

  return (
    <form
      className={styles.form}
      aria-label={t.meeting.yourProgressOn(title)}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t.meeting.status_}>
        <Select
          value={status}
          onChange={(_, data) => {
            setStatusValue(data.value as DeliverableStatus);
          }}
        >
          {DELIVERABLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.meeting.status[s]}
            </option>
          ))}
        </Select>
      </Field>
      {needsObstacle ? (
        <Field
          label={t.meeting.obstacle}
          required
          hint={t.meeting.characters(obstacle.length, max)}
          validationMessage={obstacleError}
        >
          <Textarea
            ref={obstacleRef}
            value={obstacle}
            maxLength={max}
            resize="vertical"
            onChange={(_, data) => {
              setObstacle(data.value);
            }}
          />
        </Field>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={setStatus.isPending}>
          {t.meeting.updateStatus}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {result?.kind === 'saved' ? <Text>{t.meeting.statusUpdated}</Text> : null}
        {result?.kind === 'conflict' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t.meeting.statusConflict(
                t.meeting.status[result.theirs.deliverable.status],
                obstacleOf(result.theirs),
              )}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {result?.kind === 'invalid' && !obstacleError ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{Object.values(result.errors).flat().join(' ')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {result?.kind === 'failed' ? (
        <ErrorState
          title={t.meeting.statusSaveFailed}
          error={result.error}
          onRetry={() => void submit()}
        />
      ) : null}
    </form>
  );
}
