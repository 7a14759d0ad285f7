import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { mentorChatLink } from '../../domain/commitments/help-request';
import type { TeamResources } from '../../domain/commitments/team-resources';
import { useStackStyles } from '../shared/stack-styles';
import { OpenLink } from './open-link';
import { useT } from '../shared/i18n/i18n';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

export const isEmpty = (r: TeamResources) =>
  r.resources.length === 0 && r.routes.length === 0 && r.helpChannel === undefined;

/**
 * The team's help routes and resources, read-only; shared by the channel tab and Home's "Where to
 * get help". Everything people typed is rendered as text, and only checked addresses are links.
 */
export function ResourcesView({
  resources,
  headingLevel,
}: {
  resources: TeamResources;
  headingLevel: 'h3' | 'h4';
}) {
  const styles = useStyles();
  const stack = useStackStyles();
  const t = useT();
  const { helpChannel, routes } = resources;
  return (
    <>
      {helpChannel || routes.length > 0 ? (
        <div className={stack.section}>
          <Subtitle2 as={headingLevel}>{t.commitments.helpRoutes}</Subtitle2>
          <ul className={stack.list}>
            {helpChannel ? (
              <li className={styles.item}>
                <Body1 className={styles.text} dir="auto">
                  {t.commitments.helpChannel}
                  <OpenLink href={helpChannel.url}>{helpChannel.name}</OpenLink>
                </Body1>
                {helpChannel.responseTime ? (
                  <Caption1 className={styles.meta} dir="auto">
                    {t.commitments.expectAnswer(helpChannel.responseTime)}
                  </Caption1>
                ) : null}
              </li>
            ) : null}
            {routes.map((r) => (
              <li key={r.id} className={styles.item}>
                <Body1 className={styles.text} dir="auto">
                  {r.topic}: <OpenLink href={mentorChatLink(r.mentorUpn)}>{r.mentorName}</OpenLink>
                </Body1>
                {r.responseTime ? (
                  <Caption1 className={styles.meta} dir="auto">
                    {t.commitments.expectAnswer(r.responseTime)}
                  </Caption1>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {resources.resources.length > 0 ? (
        <div className={stack.section}>
          <Subtitle2 as={headingLevel}>{t.commitments.resources}</Subtitle2>
          <ul className={stack.list}>
            {resources.resources.map((r) => (
              <li key={r.id} className={styles.item}>
                <Body1 className={styles.text} dir="auto">
                  {t.commitments.kinds[r.kind]}: <OpenLink href={r.url}>{r.title}</OpenLink>
                </Body1>
                {r.note ? (
                  <Caption1 className={`${styles.meta} ${styles.text}`} dir="auto">
                    {r.note}
                  </Caption1>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
