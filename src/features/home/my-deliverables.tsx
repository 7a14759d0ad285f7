import {
  Badge,
  Body1,
  Caption1,
  Card,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { isOverdue } from '../../domain/commitments/team-summary';
import { formatDueDate } from '../../domain/expectations/invite-section';
import { STATUSES_WITH_OBSTACLE } from '../../domain/expectations/schema';
import { AskForHelp } from '../commitments/ask-for-help';
import { HelpAskedNote } from '../commitments/help-asked-note';
import type { HomeDeliverable } from '../../domain/meetings/meeting';
import { OwnerStatusForm, StatusBadge } from '../meeting/deliverable-status';

import { useT } from '../shared/i18n/i18n';
import { useStackStyles } from '../shared/stack-styles';

const useStyles = makeStyles({
  meta: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
    color: tokens.colorNeutralForeground2,
  },
  obstacle: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const open = (d: HomeDeliverable) => d.state.deliverable.status !== 'done';

/**
 * What I owe, across meetings, soonest due first. Owners report their own progress and obstacles
 * here; nobody else's activity is read to fill it in.
 */
export function MyDeliverables({
  deliverables,
  today,
}: {
  deliverables: readonly HomeDeliverable[];
  /** `YYYY-MM-DD` in my own time zone: what is due before it and not done is overdue. */
  today: string;
}) {
  const styles = useStyles();
  const stack = useStackStyles();
  const t = useT();
  const pending = deliverables
    .filter(open)
    .sort((a, b) => a.state.deliverable.due.localeCompare(b.state.deliverable.due));
  const done = deliverables.length - pending.length;
  return (
    <section className={stack.section} aria-labelledby="my-deliverables">
      <Subtitle2 as="h2" id="my-deliverables">
        {t.home.yourDeliverables}
      </Subtitle2>
      {pending.length === 0 ? (
        <Text as="p">{deliverables.length === 0 ? t.home.nothingAssigned : t.home.allDone}</Text>
      ) : (
        <ul className={stack.list}>
          {pending.map((d) => {
            const { deliverable } = d.state;
            return (
              <li key={`${d.state.meetingKey}/${deliverable.id}`}>
                <Card size="small" aria-label={deliverable.title}>
                  <Body1 as="h3" dir="auto">
                    <strong>{deliverable.title}</strong>
                  </Body1>
                  <div className={styles.meta}>
                    <StatusBadge status={deliverable.status} />
                    {isOverdue(deliverable, today) ? (
                      <Badge appearance="filled" color="danger">
                        {t.home.overdue}
                      </Badge>
                    ) : null}
                    <Caption1>
                      {t.home.due(formatDueDate(deliverable.due, t.domainText.dueDate))}
                    </Caption1>
                    {d.meetingSubject ? (
                      <Caption1 dir="auto">{t.home.from(d.meetingSubject)}</Caption1>
                    ) : null}
                  </div>
                  {'obstacle' in deliverable ? (
                    <Caption1 as="p" className={styles.obstacle} dir="auto">
                      {t.home.obstacle(deliverable.obstacle)}
                    </Caption1>
                  ) : null}
                  {d.state.helpAsked ? <HelpAskedNote asked={d.state.helpAsked} /> : null}
                  <OwnerStatusForm state={d.state} title={deliverable.title} />
                  {STATUSES_WITH_OBSTACLE.has(deliverable.status) ? (
                    <AskForHelp
                      state={d.state}
                      {...(d.meetingSubject ? { meetingSubject: d.meetingSubject } : {})}
                    />
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {done > 0 && pending.length > 0 ? <Caption1 as="p">{t.home.moreDone(done)}</Caption1> : null}
    </section>
  );
}
