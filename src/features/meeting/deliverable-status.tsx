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
import { messageAt } from './form-errors';
import type { MeetingSource } from './meeting-source';
import { STATUS_LABELS } from './labels';
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
  return (
    <Badge appearance="tint" color={STATUS_COLORS[status]}>
      {STATUS_LABELS[status]}
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
      setResult(outcome.kind === 'saved' ? { kind: 'saved' } : outcome);
    } catch (error) {
      setResult({ kind: 'failed', error });
    }
  };

  const obstacleError = missingObstacle
    ? 'Say what is in the way: an at-risk or blocked deliverable needs its obstacle.'
    : result?.kind === 'invalid'
      ? messageAt(result.errors, 'obstacle')
      : undefined;

  return (
    <form
      className={styles.form}
      aria-label={`Your progress on ${title}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label="Status">
        <Select
          value={status}
          onChange={(_, data) => {
            setStatusValue(data.value as DeliverableStatus);
          }}
        >
          {DELIVERABLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      {needsObstacle ? (
        <Field
          label="Obstacle"
          required
          hint={`${String(obstacle.length)} of ${String(max)} characters`}
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
          Update status
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {result?.kind === 'saved' ? <Text>Status updated.</Text> : null}
        {result?.kind === 'conflict' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              Someone changed this status meanwhile: it is now{' '}
              {STATUS_LABELS[result.theirs.deliverable.status]}
              {obstacleOf(result.theirs) ? ` (${obstacleOf(result.theirs)})` : ''}. Your choice is
              still above; select Update status to apply it over theirs.
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
          title="Your status could not be saved."
          error={result.error}
          onRetry={() => void submit()}
        />
      ) : null}
    </form>
  );
}
