import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { InvalidRecord } from '../../domain/ports/expectations';
import { errorSummary } from './form-errors';

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
  const by = invalid.version.lastModifiedBy?.displayName;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Stored expectations can’t be read</MessageBarTitle>
        {`They were changed outside Rapport${by ? ` (last by ${by})` : ''} and no longer pass its checks. Rapport won’t overwrite them unless an organizer chooses to.`}
        <ul>
          {errorSummary(invalid.errors).map((line, i) => (
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
        </ul>
        {onStartOver
          ? 'Start over replaces them with new expectations you write.'
          : 'An organizer can start over.'}
      </MessageBarBody>
      {onStartOver ? (
        <MessageBarActions>
          <Button onClick={onStartOver}>Start over</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
