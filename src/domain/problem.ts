/**
 * What a domain check found wrong, in words of no language: a refinement's issue carries one as
 * zod `params`, next to its English message, so the UI can say the same thing in the reader's
 * language. Built-in checks need none; their issue code and limits already say what is wrong.
 */
export const PROBLEMS = [
  'controlCharacters',
  'tooManySentences',
  'duplicateRole',
  'notADay',
  'obstacleNeeded',
  'duplicateId',
  'unsafeLink',
  'signInAddress',
  'builtInTemplateName',
] as const;
export type Problem = (typeof PROBLEMS)[number];

/** The `params` of an issue for `problem`. */
export const problem = (code: Problem): { problem: Problem } => ({ problem: code });

/** The problem an issue carries, if it is one of ours. */
export function problemOf(issue: object): Problem | undefined {
  const params = 'params' in issue ? issue.params : undefined;
  if (typeof params !== 'object' || params === null || !('problem' in params)) return undefined;
  const code = params.problem;
  return (PROBLEMS as readonly unknown[]).includes(code) ? (code as Problem) : undefined;
}
