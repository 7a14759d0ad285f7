/**
 * The tenant's clock. Real time by default; a fixed instant when configured, so tests and the
 * daylight-saving cases are reproducible. Tests move it with the control endpoint.
 */
export class TenantClock {
  private fixed: number | undefined;

  constructor(fixedIso?: string) {
    if (fixedIso !== undefined) this.set(fixedIso);
  }

  now(): number {
    return this.fixed ?? Date.now();
  }

  isFixed(): boolean {
    return this.fixed !== undefined;
  }

  set(iso: string): void {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`Not an ISO instant: ${iso}`);
    this.fixed = ms;
  }

  advance(ms: number): void {
    this.fixed = this.now() + ms;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }
}
