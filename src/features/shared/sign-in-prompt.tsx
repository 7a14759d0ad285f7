import { Button, Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorState } from './error-state';
import { useT } from './i18n/i18n';
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
  const t = useT();
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <div className={styles.box}>
      <Body1 as="p">{t.shared.signInPrompt}</Body1>
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
        {t.shared.signIn}
      </Button>
      {failure !== undefined ? <ErrorState title={t.shared.signInFailed} error={failure} /> : null}
    </div>
  );
}
