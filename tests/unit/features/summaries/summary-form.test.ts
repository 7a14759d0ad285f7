import { describe, expect, it } from 'vitest';
import { listErrors, otherErrors } from '../../../../src/features/summaries/summary-form';

describe('summary form errors', () => {
  const errors = {
    'decisions.2': ['A decision can be at most 300 characters (this one has 301).'],
    decisions: ['A summary can have at most 15 decisions.'],
    'nextSteps.0': ["A next step can't be empty."],
    purpose: ['The purpose can be at most 300 characters (this one has 400).'],
  };

  it('names the line a person typed, counting from one', () => {
    expect(listErrors(errors, 'decisions')).toEqual([
      'Line 3: A decision can be at most 300 characters (this one has 301).',
      'A summary can have at most 15 decisions.',
    ]);
    expect(listErrors(errors, 'nextSteps')).toEqual(["Line 1: A next step can't be empty."]);
  });

  it('keeps errors outside the typed lists apart', () => {
    expect(otherErrors(errors)).toEqual([
      'The purpose can be at most 300 characters (this one has 400).',
    ]);
  });
});
