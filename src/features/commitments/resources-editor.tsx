import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  RESOURCE_KINDS,
  RESOURCE_LIMITS as L,
  resourcesContentSchema,
} from '../../domain/commitments/team-resources';
import { fieldErrors } from '../../domain/expectations/schema';
import type { ResourcesRead } from '../../domain/ports/commitments';
import { ErrorState } from '../shared/error-state';
import { messageAt } from '../meeting/form-errors';
import { draftOf, inputOf, type ResourcesDraft } from './resources-form';
import { KIND_LABELS } from './resources-view';
import { useSaveResources } from './use-commitments';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Status =
  | { kind: 'conflict' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'invalid'; errors: Record<string, string[]> };

/**
 * Team members edit the resources and help routes here. The draft survives a conflict: when
 * someone saved meanwhile, the stored version (shown above the form) becomes the base and the
 * person decides whether to save theirs over it.
 */
export function ResourcesEditor({ read, onDone }: { read: ResourcesRead; onDone: () => void }) {
  const styles = useStyles();
  const save = useSaveResources();
  const [draft, setDraft] = useState<ResourcesDraft>(() =>
    draftOf(read.kind === 'found' ? read.resources : undefined),
  );
  const [status, setStatus] = useState<Status | undefined>();
  const errors = status?.kind === 'invalid' ? status.errors : {};
  const err = (path: string) => messageAt(errors, path);

  const submit = async () => {
    const parsed = resourcesContentSchema.safeParse(inputOf(draft));
    if (!parsed.success) {
      setStatus({ kind: 'invalid', errors: fieldErrors(parsed.error) });
      return;
    }
    setStatus(undefined);
    try {
      // After a conflict, `read` is what is stored now, so this save goes over theirs knowingly.
      const outcome = await save.mutateAsync({
        resources: parsed.data,
        ...(read.kind === 'missing' ? {} : { version: read.version }),
      });
      if (outcome.kind === 'saved') onDone();
      else if (outcome.kind === 'conflict') setStatus({ kind: 'conflict' });
      else setStatus(outcome);
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
  };

  const setChannel = (field: keyof ResourcesDraft['channel'], value: string) => {
    setDraft((d) => ({ ...d, channel: { ...d.channel, [field]: value } }));
  };
  const setRoute = (i: number, field: string, value: string) => {
    setDraft((d) => ({
      ...d,
      routes: d.routes.map((r, j) => (j === i ? { ...r, [field]: value } : r)),
    }));
  };
  const setResource = (i: number, field: string, value: string) => {
    setDraft((d) => ({
      ...d,
      resources: d.resources.map((r, j) => (j === i ? { ...r, [field]: value } : r)),
    }));
  };

  const text = (
    label: string,
    value: string,
    max: number,
    path: string,
    onChange: (v: string) => void,
    hint?: string,
  ) => (
    <Field label={label} validationMessage={err(path)} {...(hint ? { hint } : {})}>
      <Input
        value={value}
        maxLength={max}
        onChange={(_, d) => {
          onChange(d.value);
        }}
      />
    </Field>
  );

  return (
    <form
      className={styles.form}
      aria-label="Edit resources and help routes"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className={styles.group}>
        <legend>Help channel</legend>
        {text('Channel name', draft.channel.name, L.nameMaxLength, 'helpChannel.name', (v) => {
          setChannel('name', v);
        })}
        {text(
          'Channel link',
          draft.channel.url,
          L.urlMaxLength,
          'helpChannel.url',
          (v) => {
            setChannel('url', v);
          },
          'In Teams, the channel’s “Get link to channel”.',
        )}
        {text(
          'Expected response time',
          draft.channel.responseTime,
          L.responseTimeMaxLength,
          'helpChannel.responseTime',
          (v) => {
            setChannel('responseTime', v);
          },
          'For example: within a day',
        )}
      </fieldset>
      {draft.routes.map((r, i) => (
        <fieldset key={r.id} className={styles.group}>
          <legend>Mentor or expert {String(i + 1)}</legend>
          {text('Topic', r.topic, L.topicMaxLength, `routes.${String(i)}.topic`, (v) => {
            setRoute(i, 'topic', v);
          })}
          {text('Name', r.mentorName, L.nameMaxLength, `routes.${String(i)}.mentorName`, (v) => {
            setRoute(i, 'mentorName', v);
          })}
          {text(
            'Sign-in address',
            r.mentorUpn,
            L.upnMaxLength,
            `routes.${String(i)}.mentorUpn`,
            (v) => {
              setRoute(i, 'mentorUpn', v);
            },
          )}
          {text(
            'Expected response time',
            r.responseTime,
            L.responseTimeMaxLength,
            `routes.${String(i)}.responseTime`,
            (v) => {
              setRoute(i, 'responseTime', v);
            },
          )}
          <div>
            <Button
              onClick={() => {
                setDraft((d) => ({ ...d, routes: d.routes.filter((_, j) => j !== i) }));
              }}
            >
              Remove mentor {String(i + 1)}
            </Button>
          </div>
        </fieldset>
      ))}
      {draft.resources.map((r, i) => (
        <fieldset key={r.id} className={styles.group}>
          <legend>Resource {String(i + 1)}</legend>
          <Field label="Kind">
            <Select
              value={r.kind}
              onChange={(_, d) => {
                setResource(i, 'kind', d.value);
              }}
            >
              {RESOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          {text('Title', r.title, L.titleMaxLength, `resources.${String(i)}.title`, (v) => {
            setResource(i, 'title', v);
          })}
          {text('Link', r.url, L.urlMaxLength, `resources.${String(i)}.url`, (v) => {
            setResource(i, 'url', v);
          })}
          {text('Note', r.note, L.noteMaxLength, `resources.${String(i)}.note`, (v) => {
            setResource(i, 'note', v);
          })}
          <div>
            <Button
              onClick={() => {
                setDraft((d) => ({ ...d, resources: d.resources.filter((_, j) => j !== i) }));
              }}
            >
              Remove resource {String(i + 1)}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className={styles.actions}>
        <Button
          disabled={draft.routes.length >= L.routesMaxCount}
          onClick={() => {
            setDraft((d) => ({
              ...d,
              routes: [
                ...d.routes,
                {
                  id: crypto.randomUUID(),
                  topic: '',
                  mentorName: '',
                  mentorUpn: '',
                  responseTime: '',
                },
              ],
            }));
          }}
        >
          Add a mentor or expert
        </Button>
        <Button
          disabled={draft.resources.length >= L.resourcesMaxCount}
          onClick={() => {
            setDraft((d) => ({
              ...d,
              resources: [
                ...d.resources,
                { id: crypto.randomUUID(), kind: 'link', title: '', url: '', note: '' },
              ],
            }));
          }}
        >
          Add a resource
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status?.kind === 'conflict' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              Someone saved the team’s resources while you were editing; theirs are shown above.
              Your changes are still in this form: select Save to put them in place of theirs, or
              Cancel to keep theirs.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {status?.kind === 'invalid' ? (
          <Text>Some fields need a change before saving: see the messages next to them.</Text>
        ) : null}
      </div>
      {status?.kind === 'invalid' && messageAt(errors, '') ? (
        <MessageBar intent="error">
          <MessageBarBody>{messageAt(errors, '')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {status?.kind === 'failed' ? (
        <ErrorState
          title="The resources could not be saved."
          error={status.error}
          onRetry={() => void submit()}
        />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          Save resources and help routes
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
