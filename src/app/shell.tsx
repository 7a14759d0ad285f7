import { FluentProvider, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { HostTheme } from '../domain/ports/host';
import { startupText } from './startup-text';
import { fluentTheme } from './theme';

const useStyles = makeStyles({
  root: {
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  centre: { display: 'flex', minHeight: '60vh', alignItems: 'center', justifyContent: 'center' },
});

/** The themed frame every view sits in; painted before the host or sign-in answer. */
export function Shell({ theme, children }: { theme: HostTheme; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.root}>
      {children}
    </FluentProvider>
  );
}

export function Starting() {
  const styles = useStyles();
  return (
    <main className={styles.centre}>
      <Spinner label={startupText().starting} />
    </main>
  );
}
