import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

import { startupText } from './startup-text';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXL, maxWidth: '720px' } });

/** Startup failed (no host answer, misconfiguration): say what and offer a retry, never a blank frame. */
export function StartupError({ error }: { error: unknown }) {
  const styles = useStyles();
  const message = error instanceof Error ? error.message : String(error);
  const timeout = error instanceof Error && error.name === 'HostTimeoutError';
  const words = startupText();
  return (
    <main className={styles.page}>
      <h1 className="visually-hidden" style={{ position: 'absolute', left: '-10000px' }}>
        Rapport
      </h1>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{timeout ? words.hostTimeout : words.couldNotStart}</MessageBarTitle>
          {message} {timeout ? words.checkConnection : null}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              window.location.reload();
            }}
          >
            {words.tryAgain}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
