import { Body1, Field, Input, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { ResourcesSection } from '../commitments/resources-section';
import { TeamCommitments } from '../commitments/team-commitments';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { CheckInSection } from './check-in-section';
import { ProgramsSection } from './programs-section';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '640px',
  },
});

/** The channel tab "Team": programs, resources and help routes live here as they arrive. */
export function TeamTab() {
  const styles = useStyles();
  const m = useT().team;
  const { host } = useServices();
  const context = host.context();
  const team = context.team?.displayName ?? m.yourTeam;
  return (
    <main className={styles.page}>
      <Title3 as="h1">{m.title(team)}</Title3>
      <TeamCommitments />
      <ResourcesSection />
      <CheckInSection />
      <ProgramsSection locale={context.locale || 'en-US'} />
    </main>
  );
}

export const MAX_TAB_NAME = 30;

/** The configurable tab's setup page: names the tab and tells the host it may save. */
export function TabConfigPage({ contentUrl }: { contentUrl: string }) {
  const styles = useStyles();
  const m = useT().team.config;
  const { host } = useServices();
  const [name, setName] = useState('Rapport');
  const inputId = useId();
  const trimmed = name.trim();
  const valid = trimmed.length > 0 && trimmed.length <= MAX_TAB_NAME;

  useEffect(() => {
    host.setConfigValid(valid);
  }, [host, valid]);

  useEffect(() => {
    host.onConfigSave(() =>
      Promise.resolve({
        entityId: 'rapport-team',
        contentUrl,
        suggestedDisplayName: trimmed,
        websiteUrl: contentUrl,
      }),
    );
  }, [host, contentUrl, trimmed]);

  return (
    <main className={styles.page}>
      <Title3 as="h1">{m.title}</Title3>
      <Body1 as="p">{m.intro}</Body1>
      <Field
        label={m.tabName}
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? undefined : m.tabNameInvalid(MAX_TAB_NAME)}
      >
        <Input
          id={inputId}
          value={name}
          maxLength={MAX_TAB_NAME + 10}
          onChange={(_, d) => {
            setName(d.value);
          }}
        />
      </Field>
    </main>
  );
}
