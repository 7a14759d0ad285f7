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
import { useT } from '../shared/i18n/i18n';
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
  const t = useT();
  const effective = effectiveOf(data);
  const { canEditAll } = permissionsFor(data.me.id, data.organizerIds, effective?.expectations);
  const lastChanged = effective
    ? lastChangedText(effective.record.version, locale, undefined, t)
    : undefined;
  // With an unreadable record and nothing readable, adding would write over it: only Start over.
  const canAdd = canEditAll && effective === undefined && data.invalid === undefined;

  return (
    <div className={styles.view}>
      <Body1 as="p">
        {t.meeting.meetingLabel}
        <strong dir="auto">{data.meeting.subject || t.shared.untitledMeeting}</strong>
      </Body1>
      {effective ? (
        <div className={styles.badges}>
          {effective.fromSeries ? (
            <Badge appearance="outline" color="informative">
              {t.meeting.setForSeries}
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
          {canEditAll ? t.meeting.noExpectationsOrganizer : t.meeting.noExpectationsAttendee}
        </Body1>
      )}
      <div className={styles.actions}>
        {canEditAll && effective ? (
          <Button appearance="primary" onClick={onEdit} ref={editButtonRef}>
            {t.meeting.editExpectations}
          </Button>
        ) : null}
        {canAdd ? (
          <Button appearance="primary" onClick={onEdit} ref={editButtonRef}>
            {t.meeting.addExpectations}
          </Button>
        ) : null}
        <Button onClick={onRefresh} disabledFocusable={refreshing}>
          {t.meeting.refresh}
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
  const t = useT();
  const nameOf = attendeeNames(data.attendees, t);
  const { ownDeliverableIds } = permissionsFor(data.me.id, data.organizerIds, expectations);
  const time = agendaTime(expectations.agenda, data.meeting);

  return (
    <>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          {t.meeting.purpose}
        </Subtitle2>
        <Body1 as="p" dir="auto">
          <LinkedText text={expectations.purpose} />
        </Body1>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          {t.meeting.outcome}
        </Subtitle2>
        <Body1 as="p" dir="auto">
          {expectations.outcome ? (
            <LinkedText text={expectations.outcome} />
          ) : (
            t.meeting.noneWritten
          )}
        </Body1>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          {t.meeting.agenda}
        </Subtitle2>
        {expectations.agenda.length === 0 ? (
          <Body1 as="p">{t.meeting.noAgenda}</Body1>
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
                        ...(item.minutes === undefined ? [] : [t.meeting.minutes(item.minutes)]),
                      ].join(', ')}
                    </Caption1>
                  ) : null}
                </li>
              ))}
            </ol>
            <Caption1 as="p" className={time.over > 0 ? styles.flag : styles.meta}>
              {agendaTimeText(time, t)}
            </Caption1>
          </>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          {t.meeting.roles}
        </Subtitle2>
        {expectations.roles.length === 0 ? (
          <Body1 as="p">{t.meeting.noRoles}</Body1>
        ) : (
          <ul className={styles.list}>
            {expectations.roles.map((role, i) => (
              <li key={i}>
                <Body1>
                  <span dir="auto">{roleName(role, t)}</span>: {nameOf(role.holderId)}
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          {t.meeting.deliverables}
        </Subtitle2>
        {expectations.deliverables.length === 0 ? (
          <Body1 as="p">{t.meeting.noDeliverables}</Body1>
        ) : (
          <ul className={styles.deliverables}>
            {deliverableStates(data, expectations).map(({ record, state }) => {
              const live = state.deliverable;
              const obstacle = 'obstacle' in live ? live.obstacle : '';
              const flag = statusSetByFlag(state, nameOf, t);
              const own = ownDeliverableIds.has(record.id);
              return (
                <li key={record.id} className={styles.deliverable}>
                  <Text weight="semibold" dir="auto">
                    <LinkedText text={record.title} />
                  </Text>
                  <Caption1 className={styles.meta}>
                    {t.meeting.owner(
                      nameOf(record.ownerId),
                      own,
                      formatDueDate(record.due, t.domainText.dueDate),
                    )}
                  </Caption1>
                  <div className={styles.badges}>
                    <Text>{t.meeting.statusLabel}</Text>
                    <StatusBadge status={live.status} />
                  </div>
                  {obstacle ? (
                    <Body1 as="p">
                      {t.meeting.obstacleLabel}{' '}
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
          {t.meeting.successMetrics}
        </Subtitle2>
        {expectations.successMetrics.length === 0 ? (
          <Body1 as="p">{t.meeting.noSuccessMetrics}</Body1>
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
