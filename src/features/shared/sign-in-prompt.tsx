import { Button, Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorState } from './error-state';
import { useServices } from './services';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
});

export const needsSignIn = (error: unknown): boolean =>
  error instanceof Error && error.name === 'InteractionRequiredError';

/** Shown when a silent sign-in was not enough: one click signs in, then the screen reloads its data. */
export function SignInPrompt({ onSignedIn }: { onSignedIn: () => void }) {
  const styles = useStyles();
  const services = useServices();
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <div className={styles.box}>
      <Body1 as="p">Sign in so Rapport can show your meetings.</Body1>
      <Button
        appearance="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          services
            .signIn()
            .then(onSignedIn)
            .catch(setFailure)
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        Sign in
      </Button>
      {failure !== undefined ? (
        <ErrorState title="Sign-in did not finish." error={failure} />
      ) : null}
    </div>
  );
}
