import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import {
  HELP_MESSAGE_MAX_LENGTH,
  helpMessage,
  mentorChatLink,
  type HelpRouteKind,
} from '../../domain/commitments/help-request';
import type { TeamResources } from '../../domain/commitments/team-resources';
import type { DeliverableState } from '../../domain/ports/expectations';
import { ErrorState } from '../shared/error-state';
import { wordedText } from '../shared/graph-text';
import { useServices } from '../shared/services';
import { useRecordHelpAsked, useTeamResources } from './use-commitments';
import type { Messages } from '../shared/i18n/en';
import { useT } from '../shared/i18n/i18n';

/** A route as the dialog offers it: a mentor's id, or the help channel. */
type Choice = { kind: 'mentor'; id: string } | { kind: 'channel' };

const choiceValue = (c: Choice) => (c.kind === 'mentor' ? `mentor:${c.id}` : 'channel');

function choicesOf(
  resources: TeamResources | undefined,
  t: Messages,
): { choice: Choice; label: string }[] {
  if (!resources) return [];
  const out: { choice: Choice; label: string }[] = resources.routes.map((r) => ({
    choice: { kind: 'mentor', id: r.id },
    label: t.commitments.chatWith(r.mentorName, r.topic, r.responseTime || undefined),
  }));
  const channel = resources.helpChannel;
  if (channel) {
    out.push({
      choice: { kind: 'channel' },
      label: t.commitments.postIn(channel.name, channel.responseTime || undefined),
    });
  }
  return out;
}

/**
 * "Ask for help" on a deliverable I own: pick a mentor or the help channel, check the message,
 * and Teams opens the chat (with the message typed in) or the channel. The person sends it
 * themselves; the deliverable records that help was asked, and when.
 */
export function AskForHelp({
  state,
  meetingSubject,
}: {
  state: DeliverableState;
  meetingSubject?: string;
}) {
  const { host, clock } = useServices();
  const t = useT();
  const resources = useTeamResources();
  const record = useRecordHelpAsked();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // The dialog is mounted only while open: a mounted Fluent Dialog, even closed, makes Tabster add
  // focusable aria-hidden guards to the page (axe's aria-hidden-focus), one set per deliverable.
  const close = () => {
    setOpen(false);
    setMessage(undefined);
    requestAnimationFrame(() => trigger.current?.focus());
  };
  const stored = resources.data?.kind === 'found' ? resources.data.resources : undefined;
  const choices = choicesOf(stored, t);
  const [selected, setSelected] = useState<string | undefined>();
  const current = choices.find((c) => choiceValue(c.choice) === selected) ?? choices[0];
  const mentor =
    current?.choice.kind === 'mentor'
      ? stored?.routes.find((r) => current.choice.kind === 'mentor' && r.id === current.choice.id)
      : undefined;
  const [message, setMessage] = useState<string | undefined>();
  const text =
    message ??
    helpMessage(
      state.deliverable,
      {
        ...(mentor ? { greeting: mentor.mentorName } : {}),
        ...(meetingSubject ? { meetingSubject } : {}),
      },
      t.domainText.help,
    );
  const [failure, setFailure] = useState<{ title: string; error: unknown } | undefined>();

  const ask = async () => {
    if (!current || !stored) return;
    const route: HelpRouteKind = current.choice.kind;
    const link = mentor ? mentorChatLink(mentor.mentorUpn, text) : stored.helpChannel?.url;
    if (!link) return;
    setFailure(undefined);
    try {
      await host.openLink(link);
    } catch (error) {
      setFailure({ title: t.commitments.couldNotOpen, error });
      return;
    }
    const noted = t.commitments.notNoted;
    try {
      const outcome = await record.mutateAsync({
        state,
        asked: { at: new Date(clock.now()).toISOString(), route },
      });
      if (outcome.kind === 'failed') setFailure({ title: noted, error: wordedText(outcome, t) });
      else close();
    } catch (error) {
      setFailure({ title: noted, error });
    }
  };

  return (
    <>
      <div>
        <Button
          ref={trigger}
          onClick={() => {
            setOpen(true);
            // Mentors may have been added since Home loaded; offer the routes as they are now.
            void resources.refetch();
          }}
        >
          {t.commitments.askForHelp}
        </Button>
      </div>
      {open ? (
        <Dialog
          open
          onOpenChange={(_, d) => {
            if (!d.open) close();
          }}
        >
          <DialogSurface aria-describedby={undefined}>
            <DialogBody>
              <DialogTitle>{t.commitments.askForHelpWith(state.deliverable.title)}</DialogTitle>
              <DialogContent>
                {choices.length === 0 ? (
                  <Text as="p">
                    {resources.isPending ? t.commitments.loadingRoutes : t.commitments.noMentors}
                  </Text>
                ) : (
                  <>
                    <Field label={t.commitments.whoToAsk}>
                      <RadioGroup
                        value={current ? choiceValue(current.choice) : undefined}
                        onChange={(_, d) => {
                          setSelected(d.value);
                          setMessage(undefined);
                        }}
                      >
                        {choices.map((c) => (
                          <Radio
                            key={choiceValue(c.choice)}
                            value={choiceValue(c.choice)}
                            label={c.label}
                          />
                        ))}
                      </RadioGroup>
                    </Field>
                    <Field
                      label={t.commitments.message}
                      hint={mentor ? t.commitments.chatHint : t.commitments.channelHint}
                    >
                      <Textarea
                        value={text}
                        maxLength={HELP_MESSAGE_MAX_LENGTH}
                        resize="vertical"
                        onChange={(_, d) => {
                          setMessage(d.value);
                        }}
                      />
                    </Field>
                  </>
                )}
                {failure ? <ErrorState title={failure.title} error={failure.error} /> : null}
              </DialogContent>
              <DialogActions>
                {current ? (
                  <Button
                    appearance="primary"
                    disabled={record.isPending}
                    onClick={() => void ask()}
                  >
                    {mentor
                      ? t.commitments.openChatWith(mentor.mentorName)
                      : t.commitments.openHelpChannel}
                  </Button>
                ) : null}
                <Button onClick={close}>{t.commitments.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </>
  );
}
