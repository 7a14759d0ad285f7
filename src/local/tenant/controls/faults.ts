import { z } from 'zod';

/**
 * Faults the tenant injects for tests and benchmarks: throttling (429 with Retry-After), 503/504,
 * dropped connections and latency, applied before the handler runs or after its write took
 * effect, on every matching request, on a seeded fraction of them, or a set number of times.
 */
export const faultRuleSchema = z.object({
  /** Regular expression matched against the path after /v1.0 (e.g. `^/me/events`). */
  path: z.string().max(500).default('.*'),
  methods: z.array(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'])).optional(),
  kind: z.enum(['status', 'drop', 'latency']),
  status: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal(504)]).optional(),
  retryAfterSeconds: z.number().min(0).max(3600).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  when: z.enum(['before', 'after']).default('before'),
  /** Apply to this many matching requests, then stop. */
  times: z.number().int().min(1).optional(),
  /** Apply to this fraction of matching requests (seeded, so runs repeat). */
  rate: z.number().min(0).max(1).optional(),
  /** Also apply to `$batch` sub-requests (default) or only to top-level requests. */
  inBatch: z.boolean().default(true),
});

export type FaultRule = z.infer<typeof faultRuleSchema> & { id: number; applied: number };

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private seed: number;

  constructor(seed = 0x5eed) {
    this.seed = seed;
  }

  add(rule: z.infer<typeof faultRuleSchema>): FaultRule {
    const r: FaultRule = { ...rule, id: this.nextId++, applied: 0 };
    this.rules.push(r);
    return r;
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * The rules that fire for this request now: every matching latency rule and the first matching
   * status or drop rule (one request can fail only one way). Only those count as applied.
   */
  match(method: string, path: string, inBatch: boolean): FaultRule[] {
    const fired: FaultRule[] = [];
    let failed = false;
    for (const r of this.rules) {
      if (r.kind !== 'latency' && failed) continue;
      if (r.times !== undefined && r.applied >= r.times) continue;
      if (inBatch && !r.inBatch) continue;
      if (r.methods && !r.methods.includes(method as never)) continue;
      if (!new RegExp(r.path).test(path)) continue;
      if (r.rate !== undefined && this.random() >= r.rate) continue;
      r.applied += 1;
      if (r.kind !== 'latency') failed = true;
      fired.push(r);
    }
    return fired;
  }

  /** mulberry32: small, seeded, good enough to spread faults repeatably. */
  private random(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
