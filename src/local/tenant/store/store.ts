import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TenantState } from './state';

/**
 * Holds the tenant's state in memory and writes it to one JSON file after every change.
 * Writes go to a temporary file that is renamed over the old one, so a crash mid-write never
 * leaves a torn file behind.
 */
export class TenantStore {
  private constructor(
    public state: TenantState,
    private readonly file: string | undefined,
  ) {}

  static open(file: string | undefined, create: () => Promise<TenantState>): Promise<TenantStore> {
    if (file && existsSync(file)) {
      const state = JSON.parse(readFileSync(file, 'utf8')) as
        TenantState | { schemaVersion?: unknown };
      if (state.schemaVersion !== 1) {
        throw new Error(`${file} holds data of an unknown version; run "npm run reset".`);
      }
      return Promise.resolve(new TenantStore(state as TenantState, file));
    }
    return create().then((state) => {
      const store = new TenantStore(state, file);
      store.flush();
      return store;
    });
  }

  /** A store that never touches disk (building the seed, tests). */
  static inMemory(state: TenantState): TenantStore {
    return new TenantStore(state, undefined);
  }

  /** Runs a change and persists it; the change either applies whole or throws before writing. */
  mutate<T>(change: (state: TenantState) => T): T {
    const result = change(this.state);
    this.flush();
    return result;
  }

  nextId(prefix: string): string {
    this.state.sequence += 1;
    return `${prefix}${this.state.sequence.toString(36).padStart(6, '0')}`;
  }

  flush(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${String(process.pid)}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  static remove(file: string): void {
    rmSync(file, { force: true });
  }
}
