import { parseTabConfig, type TabConfig } from './handlers';

/**
 * The channel tab's saved config, as Teams keeps a configured tab's settings. It lives in
 * sessionStorage (per browser tab), keyed by app base so a probe page and the real app never mix.
 */
export class TabConfigStore {
  constructor(
    private readonly storage: Storage,
    private readonly appBase: string,
  ) {}

  private get key(): string {
    return `rapport.localTeamsHost.channelTab:${this.appBase}`;
  }

  load(): TabConfig | undefined {
    try {
      const raw = this.storage.getItem(this.key);
      return raw === null ? undefined : parseTabConfig(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }

  save(config: TabConfig): void {
    this.storage.setItem(this.key, JSON.stringify(config));
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}
