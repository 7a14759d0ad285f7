import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { summarySections } from '../../domain/summaries/build-summary';
import type { SummaryContent } from '../../domain/summaries/summary-schema';
import { useT } from '../shared/i18n/i18n';
import { LinkedText } from '../shared/linked-text';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * The summary as the chat will show it: the same sections and lines the message is built from
 * (`summarySections`), rendered as text, never as HTML.
 */
export function SummaryPreview({
  subject,
  content,
  headingId,
}: {
  subject: string;
  content: SummaryContent;
  headingId: string;
}) {
  const styles = useStyles();
  const t = useT();
  const sections = summarySections(content, t.domainText.summary);
  return (
    <section className={styles.box} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t.summaries.previewHeading(subject)}
      </Subtitle2>
      {sections.length === 0 ? <Body1 as="p">{t.summaries.nothingYet}</Body1> : null}
      {sections.map((section) => (
        <div key={section.heading}>
          <Body1 as="h4">
            <strong>{section.heading}</strong>
          </Body1>
          <ul className={styles.list}>
            {section.lines.map((line, i) => (
              <li key={`${String(i)}-${line}`}>
                <LinkedText text={line} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
