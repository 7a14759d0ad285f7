import { describe, expect, it } from 'vitest';
import { instant } from '../../src/domain/time/instant';

describe('instant', () => {
  it('brands epoch milliseconds', () => {
    expect(instant(5) + 1).toBe(6);
  });
});
