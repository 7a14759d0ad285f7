import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONS } from '../../../../src/domain/feedback/questions';
import { trendOf } from '../../../../src/features/feedback/trend';

describe('a series’ trend', () => {
  it('is one row per pooled period and one column per rating question, as text', () => {
    const trend = trendOf(DEFAULT_QUESTIONS, [
      {
        from: '2026-03-02',
        to: '2026-03-06',
        respondents: 6,
        means: { valuable: 4.25, 'expectations-clear': 3, 'speak-up': 2.5 },
      },
      { from: '2026-03-09', to: '2026-03-09', respondents: 5, means: { valuable: 5 } },
    ]);
    expect(trend?.columns.map((c) => c.text)).toEqual([
      'How valuable was this meeting?',
      'Were the expectations clear?',
      'Could you speak up?',
    ]);
    expect(trend?.rows).toEqual([
      {
        key: '2026-03-02-2026-03-06',
        period: '2026-03-02 – 2026-03-06',
        respondents: 6,
        means: ['4.3', '3.0', '2.5'],
      },
      // One occurrence is one day; a question without a mean in the period says so.
      {
        key: '2026-03-09-2026-03-09',
        period: '2026-03-09',
        respondents: 5,
        means: ['5.0', '—', '—'],
      },
    ]);
  });

  it('is absent without periods (not a series, or none reached k yet)', () => {
    expect(trendOf(DEFAULT_QUESTIONS, undefined)).toBeUndefined();
    expect(trendOf(DEFAULT_QUESTIONS, [])).toBeUndefined();
  });
});
