import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { InvalidRecord } from '../../domain/ports/expectations';
import { errorSummary } from './form-errors';
import { invalidRecordErrors } from './invalid-record-errors';
import { useT } from '../shared/i18n/i18n';

/**
 * A stored record that fails validation (changed outside Rapport). It is shown with what is wrong
 * and never overwritten by an ordinary save; an organizer may replace it, but only by choosing
 * "Start over".
 */
export function InvalidRecordWarning({
  invalid,
  onStartOver,
}: {
  invalid: InvalidRecord;
  /** Present only for people who may replace it. */
  onStartOver?: () => void;
}) {
  const t = useT();
  const by = invalid.version.lastModifiedBy?.displayName;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.meeting.editor.unreadableTitle}</MessageBarTitle>
        {t.meeting.editor.unreadableBody(by)}
        <ul>
          {errorSummary(invalidRecordErrors(invalid, t), t).map((line, i) => (
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
        </ul>
        {onStartOver ? t.meeting.editor.startOverReplaces : t.meeting.editor.organizerCanStartOver}
      </MessageBarBody>
      {onStartOver ? (
        <MessageBarActions>
          <Button onClick={onStartOver}>{t.meeting.editor.startOver}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
