import type { z } from 'zod';
import { EXPECTATION_LIMITS } from '../../../domain/expectations/schema';
import { problemOf } from '../../../domain/problem';
import { PROGRAM_LIMITS } from '../../../domain/social/program';
import { en, type Messages } from '../i18n/en';
import type { ValidationMessages } from '../i18n/validation.en';

/**
 * The domain's checks say what is wrong in English (the relay sends those words as they are) and,
 * beside them, in no language: an issue's code, path and limits, and a `problem` for its own
 * refinements. A form reads the second, through these rules, so it can speak the reader's language.
 */

type Issue = z.core.$ZodIssue;

/** The forms whose schemas these rules know; paths mean different things in each. */
export type IssueForm = 'expectations' | 'template' | 'program' | 'resources' | 'poll';

/** A text field: its name at the start of a sentence, and what to say when it is left empty. */
interface TextField {
  name: string;
  required?: string;
}

/** A path with its list positions as `*`: "agenda.*.title". */
const patternOf = (path: readonly PropertyKey[]): string =>
  path.map((part) => (typeof part === 'number' ? '*' : String(part))).join('.');

const limit = (value: number | bigint): number => Number(value);

function expectationsFields(v: ValidationMessages): Record<string, TextField> {
  const e = v.expectations;
  const f = e.fields;
  return {
    purpose: { name: f.purpose, required: e.purposeRequired },
    outcome: { name: f.outcome },
    'agenda.*.title': { name: f.agendaItem, required: e.agendaTitleRequired },
    'agenda.*.presenterId': { name: f.attendee },
    'roles.*.label': { name: f.customRole, required: e.customRoleRequired },
    'roles.*.holderId': { name: f.attendee },
    'deliverables.*.id': { name: f.deliverableId },
    'deliverables.*.title': { name: f.deliverable, required: e.deliverableTitleRequired },
    'deliverables.*.ownerId': { name: f.attendee },
    'deliverables.*.obstacle': { name: f.obstacle },
    'successMetrics.*': { name: f.successMetric, required: e.successMetricRequired },
    meetingKey: { name: f.meetingKey },
    seriesKey: { name: f.meetingKey },
  };
}

/** What an expectations schema (or a template, which holds part of one) says beyond its text. */
function expectationsRule(issue: Issue, at: string, v: ValidationMessages): string | undefined {
  const e = v.expectations;
  const problem = problemOf(issue);
  switch (at) {
    case 'purpose':
      return problem === 'tooManySentences'
        ? e.purposeSentences(EXPECTATION_LIMITS.purposeMaxSentences)
        : undefined;
    case 'agenda':
      return issue.code === 'too_big' ? e.agendaMax(limit(issue.maximum)) : undefined;
    case 'agenda.*.minutes':
      if (issue.code === 'invalid_type') {
        return issue.expected === 'int' ? e.minutesNotWhole : e.minutesNotNumber;
      }
      if (issue.code === 'too_small') return e.minutesMin(limit(issue.minimum));
      if (issue.code === 'too_big') return e.minutesMax(limit(issue.maximum));
      return undefined;
    case 'roles':
      return issue.code === 'too_big' ? e.rolesMax(limit(issue.maximum)) : undefined;
    case 'roles.*':
    case 'roles.*.kind':
      return problem === 'duplicateRole' ? e.duplicateRole : e.pickRole;
    case 'deliverables':
      return issue.code === 'too_big' ? e.deliverablesMax(limit(issue.maximum)) : undefined;
    case 'deliverables.*.id':
      return problem === 'duplicateId' ? e.duplicateDeliverableId : undefined;
    case 'deliverables.*.due':
      if (issue.code === 'invalid_type') return e.dueDateMissing;
      if (issue.code === 'invalid_format') return e.dueDateFormat;
      return problem === 'notADay' ? e.dueDateNotADay : undefined;
    case 'deliverables.*.status':
      return e.status;
    case 'deliverables.*.obstacle':
      return problem === 'obstacleNeeded' ? e.obstacleNeeded : undefined;
    case 'successMetrics':
      return issue.code === 'too_big' ? e.successMetricsMax(limit(issue.maximum)) : undefined;
    case 'schemaVersion':
      return issue.code === 'invalid_value' ? e.version(Number(issue.values[0])) : undefined;
    default:
      return undefined;
  }
}

function templateRule(issue: Issue, at: string, v: ValidationMessages): string | undefined {
  if (at === 'name' && problemOf(issue) === 'builtInTemplateName') return v.template.builtInName;
  if (at === 'id') return v.template.idInvalid;
  return at === 'schemaVersion' ? undefined : expectationsRule(issue, at, v);
}

function programRule(issue: Issue, at: string, v: ValidationMessages): string | undefined {
  const p = v.program;
  switch (at) {
    case 'id':
      return p.idInvalid;
    case 'cadence':
      return p.cadence;
    case 'groupSize':
      // zod's own wording for "not a number" stays; the limits are the program's.
      return issue.code === 'too_small' || issue.code === 'too_big'
        ? p.groupSize(PROGRAM_LIMITS.groupSizeMin, PROGRAM_LIMITS.groupSizeMax)
        : undefined;
    case 'lengthMinutes':
      return p.length;
    case 'members':
      return issue.code === 'too_big' ? p.membersMax(limit(issue.maximum)) : undefined;
    default:
      return undefined;
  }
}

function resourcesFields(v: ValidationMessages): Record<string, TextField> {
  const r = v.resources;
  const f = r.fields;
  return {
    'resources.*.id': { name: f.id },
    'resources.*.title': { name: f.resourceTitle, required: r.resourceTitleRequired },
    'resources.*.url': { name: f.resourceLink },
    'resources.*.note': { name: f.resourceNote },
    'routes.*.id': { name: f.id },
    'routes.*.topic': { name: f.topic, required: r.topicRequired },
    'routes.*.mentorName': { name: f.mentorName, required: r.mentorNameRequired },
    'routes.*.mentorUpn': { name: f.mentorUpn, required: r.mentorUpnRequired },
    'routes.*.responseTime': { name: f.responseTime },
    'helpChannel.name': { name: f.channelName, required: r.channelNameRequired },
    'helpChannel.url': { name: f.channelLink },
    'helpChannel.responseTime': { name: f.responseTime },
  };
}

function resourcesRule(issue: Issue, at: string, v: ValidationMessages): string | undefined {
  const r = v.resources;
  const problem = problemOf(issue);
  if (problem === 'unsafeLink') return r.unsafeLink;
  if (problem === 'signInAddress') return r.mentorUpnShape;
  switch (at) {
    case 'resources.*.kind':
      return r.kind;
    case 'resources':
      return issue.code === 'too_big' ? r.resourcesMax(limit(issue.maximum)) : undefined;
    case 'routes':
      return issue.code === 'too_big' ? r.routesMax(limit(issue.maximum)) : undefined;
    case 'schemaVersion':
      return issue.code === 'invalid_value' ? r.version(Number(issue.values[0])) : undefined;
    default:
      return undefined;
  }
}

const RULES: Record<
  IssueForm,
  {
    fields: (v: ValidationMessages) => Record<string, TextField>;
    rule: (issue: Issue, at: string, v: ValidationMessages) => string | undefined;
  }
> = {
  expectations: { fields: expectationsFields, rule: expectationsRule },
  template: {
    fields: (v) => ({
      ...expectationsFields(v),
      name: { name: v.template.name, required: v.template.nameRequired },
    }),
    rule: templateRule,
  },
  program: {
    fields: (v) => ({
      name: { name: v.program.name, required: v.program.nameRequired },
      'members.*.subTeam': { name: v.program.subTeam },
      'members.*.id': { name: v.expectations.fields.attendee },
      'leadIds.*': { name: v.expectations.fields.attendee },
    }),
    rule: programRule,
  },
  resources: { fields: resourcesFields, rule: resourcesRule },
  // The poll form checks counts and lengths itself; what reaches here is mostly a character.
  poll: {
    fields: (v) => ({
      'questions.*.text': { name: v.poll.question, required: v.poll.questionRequired },
      'questions.*.options.*': { name: v.poll.option, required: v.poll.optionRequired },
      meetingTitle: { name: v.poll.meetingTitle },
    }),
    rule: () => undefined,
  },
};

/** What `textSchema` says about a single line of text, whichever field it is. */
function textRule(issue: Issue, field: TextField, v: ValidationMessages): string | undefined {
  if (problemOf(issue) === 'controlCharacters') return v.controlCharacters(field.name);
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'string' ? v.notText(field.name) : undefined;
    case 'too_big':
      if (issue.origin !== 'string') return undefined;
      return v.tooLong(
        field.name,
        limit(issue.maximum),
        typeof issue.input === 'string' ? issue.input.length : undefined,
      );
    case 'too_small':
      return issue.origin === 'string' ? (field.required ?? v.missing(field.name)) : undefined;
    default:
      return undefined;
  }
}

/**
 * One issue of a form's schema in the catalog's language. English gives the domain's own words;
 * a string's length needs the issue's input (parse with `{ reportInput: true }`).
 */
export function localizeIssue(issue: Issue, form: IssueForm, t: Messages = en): string {
  const v = t.validation;
  const at = patternOf(issue.path);
  const { fields, rule } = RULES[form];
  const field = fields(v)[at];
  return (
    rule(issue, at, v) ??
    (field === undefined ? undefined : textRule(issue, field, v)) ??
    v.unknown(issue.message)
  );
}

/** `fieldErrors` in the catalog's language: messages keyed by dotted path ("agenda.2.title"). */
export function localFieldErrors(
  error: z.ZodError,
  form: IssueForm,
  t: Messages = en,
): Record<string, string[]> {
  return localIssueErrors(error.issues, form, t);
}

/** The same from issues kept apart from their error (a stored record's, say). */
export function localIssueErrors(
  issues: readonly Issue[],
  form: IssueForm,
  t: Messages = en,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    (out[key] ??= []).push(localizeIssue(issue, form, t));
  }
  return out;
}
