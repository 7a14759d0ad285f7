import {
  Badge,
  Body1,
  Button,
  Caption1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Ref } from 'react';
import { agendaTime } from '../../domain/expectations/agenda-time';
import { formatDueDate } from '../../domain/expectations/invite-section';
import { permissionsFor } from '../../domain/expectations/permissions';
import type { Expectations } from '../../domain/expectations/schema';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import { LinkedText } from '../shared/linked-text';
import { OwnerStatusForm, StatusBadge } from './deliverable-status';
import type { MeetingSource } from './meeting-source';
import { InvalidRecordWarning } from './invalid-record';
import { attendeeNames, roleName } from './labels';
import { agendaTimeText, lastChangedText, statusSetByFlag } from './messages';
import { deliverableStates, effectiveOf } from './save-plan';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  deliverables: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  deliverable: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
  flag: { color: tokens.colorStatusWarningForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** Everyone's view of the meeting's expectations; owners report their status here too. */
export function ExpectationsView({
  source,
  data,
  locale,
  refreshing,
  onEdit,
  onStartOver,
  onRefresh,
  editButtonRef,
}: {
  source: MeetingSource;
  data: MeetingExpectations;
  locale: string;
  refreshing: boolean;
  onEdit: () => void;
  onStartOver: () => void;
  onRefresh: () => void;
  editButtonRef?: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const effective = effectiveOf(data);
  const { canEditAll } = permissionsFor(data.me.id, data.organizerIds, effective?.expectations);
  const lastChanged = effective ? lastChangedText(effective.record.version, locale) : undefined;
  // With an unreadable record and nothing readable, adding would write over it: only Start over.
  const canAdd = canEditAll && effective === undefined && data.invalid === undefined;

  return (
    <div className={styles.view}>
      <Body1 as="p">
        Meeting: <strong dir="auto">{data.meeting.subject || 'Untitled meeting'}</strong>
      </Body1>
      {effective ? (
        <div className={styles.badges}>
          {effective.fromSeries ? (
            <Badge appearance="outline" color="informative">
              Set for the whole series
            </Badge>
          ) : null}
          {lastChanged ? <Caption1 className={styles.meta}>{lastChanged}</Caption1> : null}
        </div>
      ) : null}
      {data.invalid ? (
        <InvalidRecordWarning invalid={data.invalid} {...(canEditAll ? { onStartOver } : {})} />
      ) : null}
      {effective ? (
        <ExpectationsSections source={source} data={data} expectations={effective.expectations} />
      ) : (
        <Body1 as="p">
          {canEditAll
            ? 'This meeting has no expectations yet. Add its purpose, agenda, roles and deliverables so everyone knows why it exists.'
            : 'The organizer hasn’t added expectations to this meeting yet.'}
        </Body1>
      )}
      <div className={styles.actions}>
        {canEditAll && effective ? (
          <Button appearance="primary" onClick={onEdit} ref={editButtonRef}>
            Edit expectations
          </Button>
        ) : null}
        {canAdd ? (
          <Button appearance="primary" onClick={onEdit} ref={editButtonRef}>
            Add expectations
          </Button>
        ) : null}
        <Button onClick={onRefresh} disabledFocusable={refreshing}>
          Refresh
        </Button>
      </div>
    </div>
  );
}

function ExpectationsSections({
  source,
  data,
  expectations,
}: {
  source: MeetingSource;
  data: MeetingExpectations;
  expectations: Expectations;
}) {
  const styles = useStyles();
  const nameOf = attendeeNames(data.attendees);
  const { ownDeliverableIds } = permissionsFor(data.me.id, data.organizerIds, expectations);
  const time = agendaTime(expectations.agenda, data.meeting);

  return (
    <>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Purpose
        </Subtitle2>
        <Body1 as="p" dir="auto">
          <LinkedText text={expectations.purpose} />
        </Body1>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Outcome or decision
        </Subtitle2>
        <Body1 as="p" dir="auto">
          {expectations.outcome ? <LinkedText text={expectations.outcome} /> : 'None written.'}
        </Body1>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Agenda
        </Subtitle2>
        {expectations.agenda.length === 0 ? (
          <Body1 as="p">No agenda items.</Body1>
        ) : (
          <>
            <ol className={styles.list}>
              {expectations.agenda.map((item, i) => (
                <li key={i}>
                  <Body1 dir="auto">
                    <LinkedText text={item.title} />
                  </Body1>
                  {item.presenterId !== undefined || item.minutes !== undefined ? (
                    <Caption1 className={styles.meta}>
                      {' — '}
                      {[
                        ...(item.presenterId === undefined ? [] : [nameOf(item.presenterId)]),
                        ...(item.minutes === undefined ? [] : [`${String(item.minutes)} min`]),
                      ].join(', ')}
                    </Caption1>
                  ) : null}
                </li>
              ))}
            </ol>
            <Caption1 as="p" className={time.over > 0 ? styles.flag : styles.meta}>
              {agendaTimeText(time)}
            </Caption1>
          </>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Roles
        </Subtitle2>
        {expectations.roles.length === 0 ? (
          <Body1 as="p">No roles.</Body1>
        ) : (
          <ul className={styles.list}>
            {expectations.roles.map((role, i) => (
              <li key={i}>
                <Body1>
                  <span dir="auto">{roleName(role)}</span>: {nameOf(role.holderId)}
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Deliverables
        </Subtitle2>
        {expectations.deliverables.length === 0 ? (
          <Body1 as="p">No deliverables.</Body1>
        ) : (
          <ul className={styles.deliverables}>
            {deliverableStates(data, expectations).map(({ record, state }) => {
              const live = state.deliverable;
              const obstacle = 'obstacle' in live ? live.obstacle : '';
              const flag = statusSetByFlag(state, nameOf);
              const own = ownDeliverableIds.has(record.id);
              return (
                <li key={record.id} className={styles.deliverable}>
                  <Text weight="semibold" dir="auto">
                    <LinkedText text={record.title} />
                  </Text>
                  <Caption1 className={styles.meta}>
                    Owner: {nameOf(record.ownerId)}
                    {own ? ' (you)' : ''} · Due {formatDueDate(record.due)}
                  </Caption1>
                  <div className={styles.badges}>
                    <Text>Status:</Text>
                    <StatusBadge status={live.status} />
                  </div>
                  {obstacle ? (
                    <Body1 as="p">
                      Obstacle:{' '}
                      <span dir="auto">
                        <LinkedText text={obstacle} />
                      </span>
                    </Body1>
                  ) : null}
                  {flag ? <Caption1 className={styles.flag}>{flag}</Caption1> : null}
                  {own ? (
                    <OwnerStatusForm source={source} state={state} title={record.title} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Success metrics
        </Subtitle2>
        {expectations.successMetrics.length === 0 ? (
          <Body1 as="p">No success metrics.</Body1>
        ) : (
          <ul className={styles.list}>
            {expectations.successMetrics.map((metric, i) => (
              <li key={i}>
                <Body1 dir="auto">
                  <LinkedText text={metric} />
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
