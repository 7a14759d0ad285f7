import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MET_ANSWERS, metSummary, type MetAnswer } from '../../../../src/domain/social/met';

describe('a program’s meeting rate', () => {
  it('shows nothing below five answers, only how many more are needed', () => {
    expect(metSummary(['yes', 'no'])).toEqual({ state: 'waiting', answered: 2, needed: 3 });
  });

  it('counts groups that met fully or partly, over whole blocks of answers', () => {
    const answers: MetAnswer[] = ['yes', 'some', 'no', 'later', 'yes', 'no', 'no'];
    expect(metSummary(answers)).toEqual({ state: 'shown', answered: 5, met: 3, rate: 0.6 });
  });

  it('never changes by fewer than five answers, so one answer cannot be read from two rates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MET_ANSWERS), { maxLength: 60 }), (answers) => {
        const shown = answers.map((_, i) => metSummary(answers.slice(0, i + 1)));
        for (let i = 1; i < shown.length; i++) {
          const [a, b] = [shown[i - 1], shown[i]];
          if (a?.state === 'shown' && b?.state === 'shown' && a.answered !== b.answered) {
            expect(b.answered - a.answered).toBeGreaterThanOrEqual(5);
          }
        }
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });
});
