export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** True for a sub-request inside a `$batch`. */
  batched: boolean;
  caller?: string;
  at: string;
}

/** Counts and remembers Graph requests, so tests and benchmarks can see what a screen cost. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private static readonly MAX = 10_000;

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > RequestLog.MAX)
      this.entries.splice(0, this.entries.length - RequestLog.MAX);
  }

  summary(): { http: number; batched: number; requests: readonly LoggedRequest[] } {
    return {
      http: this.entries.filter((e) => !e.batched).length,
      batched: this.entries.filter((e) => e.batched).length,
      requests: this.entries,
    };
  }

  reset(): void {
    this.entries = [];
  }
}
