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
import type { ResourcesRead } from '../../domain/ports/commitments';
import { ErrorState } from '../shared/error-state';
import { messageAt } from '../meeting/form-errors';
import { localFieldErrors } from '../shared/validation/localize-issue';
import { draftOf, inputOf, type ResourcesDraft } from './resources-form';
import { useSaveResources } from './use-commitments';
import { useT } from '../shared/i18n/i18n';

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
  const t = useT();
  const e = t.commitments.editor;
  const save = useSaveResources();
  const [draft, setDraft] = useState<ResourcesDraft>(() =>
    draftOf(read.kind === 'found' ? read.resources : undefined),
  );
  const [status, setStatus] = useState<Status | undefined>();
  const errors = status?.kind === 'invalid' ? status.errors : {};
  const err = (path: string) => messageAt(errors, path);

  const submit = async () => {
    const parsed = resourcesContentSchema.safeParse(inputOf(draft), { reportInput: true });
    if (!parsed.success) {
      setStatus({ kind: 'invalid', errors: localFieldErrors(parsed.error, 'resources', t) });
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
      aria-label={t.commitments.editor.label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className={styles.group}>
        <legend>{e.helpChannel}</legend>
        {text(e.channelName, draft.channel.name, L.nameMaxLength, 'helpChannel.name', (v) => {
          setChannel('name', v);
        })}
        {text(
          e.channelLink,
          draft.channel.url,
          L.urlMaxLength,
          'helpChannel.url',
          (v) => {
            setChannel('url', v);
          },
          e.channelLinkHint,
        )}
        {text(
          e.responseTime,
          draft.channel.responseTime,
          L.responseTimeMaxLength,
          'helpChannel.responseTime',
          (v) => {
            setChannel('responseTime', v);
          },
          e.responseTimeHint,
        )}
      </fieldset>
      {draft.routes.map((r, i) => (
        <fieldset key={r.id} className={styles.group}>
          <legend>{e.mentor(i + 1)}</legend>
          {text(e.topic, r.topic, L.topicMaxLength, `routes.${String(i)}.topic`, (v) => {
            setRoute(i, 'topic', v);
          })}
          {text(e.name, r.mentorName, L.nameMaxLength, `routes.${String(i)}.mentorName`, (v) => {
            setRoute(i, 'mentorName', v);
          })}
          {text(
            e.signInAddress,
            r.mentorUpn,
            L.upnMaxLength,
            `routes.${String(i)}.mentorUpn`,
            (v) => {
              setRoute(i, 'mentorUpn', v);
            },
          )}
          {text(
            e.responseTime,
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
              {e.removeMentor(i + 1)}
            </Button>
          </div>
        </fieldset>
      ))}
      {draft.resources.map((r, i) => (
        <fieldset key={r.id} className={styles.group}>
          <legend>{e.resource(i + 1)}</legend>
          <Field label={e.kind}>
            <Select
              value={r.kind}
              onChange={(_, d) => {
                setResource(i, 'kind', d.value);
              }}
            >
              {RESOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.commitments.kinds[k]}
                </option>
              ))}
            </Select>
          </Field>
          {text(e.title, r.title, L.titleMaxLength, `resources.${String(i)}.title`, (v) => {
            setResource(i, 'title', v);
          })}
          {text(e.link, r.url, L.urlMaxLength, `resources.${String(i)}.url`, (v) => {
            setResource(i, 'url', v);
          })}
          {text(e.note, r.note, L.noteMaxLength, `resources.${String(i)}.note`, (v) => {
            setResource(i, 'note', v);
          })}
          <div>
            <Button
              onClick={() => {
                setDraft((d) => ({ ...d, resources: d.resources.filter((_, j) => j !== i) }));
              }}
            >
              {e.removeResource(i + 1)}
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
          {e.addMentor}
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
          {e.addResource}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status?.kind === 'conflict' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{e.conflict}</MessageBarBody>
          </MessageBar>
        ) : null}
        {status?.kind === 'invalid' ? <Text>{e.needsChange}</Text> : null}
      </div>
      {status?.kind === 'invalid' && messageAt(errors, '') ? (
        <MessageBar intent="error">
          <MessageBarBody>{messageAt(errors, '')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {status?.kind === 'failed' ? (
        <ErrorState title={e.saveFailed} error={status.error} onRetry={() => void submit()} />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          {e.save}
        </Button>
        <Button onClick={onDone}>{t.commitments.cancel}</Button>
      </div>
    </form>
  );
}
