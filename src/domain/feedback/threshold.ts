/**
 * The anonymity threshold k: results need k distinct respondents. The tenant sets a default and a
 * floor; a poll may ask for more than the floor, never less (the relay enforces it, not clients).
 */
export interface ThresholdPolicy {
  defaultK: number;
  floorK: number;
}

export const TENANT_THRESHOLD: ThresholdPolicy = { defaultK: 5, floorK: 3 };

export type ThresholdResult = { ok: true; k: number } | { ok: false; message: string };

export function resolveThreshold(
  requested: number | undefined,
  policy: ThresholdPolicy = TENANT_THRESHOLD,
): ThresholdResult {
  const k = requested ?? Math.max(policy.defaultK, policy.floorK);
  if (!Number.isInteger(k)) return { ok: false, message: 'The threshold must be a whole number.' };
  if (k < policy.floorK) {
    return {
      ok: false,
      message: `The threshold can't be below ${String(policy.floorK)} respondents (this tenant's floor).`,
    };
  }
  return { ok: true, k };
}

/** Comments need two more respondents than the other results. */
export const commentThreshold = (k: number): number => k + 2;
