import type { HostMeeting } from '../tenant/controls/routes';
import type { HostPerson } from './context';
import type { Audience } from './scopes';

export type { HostMeeting };

export interface TenantPerson extends HostPerson {
  timeZone: string;
  jobTitle: string;
}

export interface MintedToken {
  access_token: string;
  expires_in: number;
}

/** A failed call to the local tenant; `unreachable` when nothing answered at all. */
export class TenantError extends Error {
  constructor(
    message: string,
    readonly unreachable: boolean,
  ) {
    super(message);
    this.name = 'TenantError';
  }
}

/** The local tenant's loopback control endpoints, which only this dev tool and tests call. */
export class TenantClient {
  private issuerUrl: Promise<string> | undefined;

  constructor(
    readonly baseUrl: string,
    readonly tenantId: string,
  ) {}

  people(): Promise<TenantPerson[]> {
    return this.json<TenantPerson[]>('/_local/people');
  }

  meetings(personId: string): Promise<HostMeeting[]> {
    return this.json<HostMeeting[]>(`/_local/people/${encodeURIComponent(personId)}/meetings`);
  }

  clock(): Promise<{ now: string }> {
    return this.json<{ now: string }>('/_local/clock');
  }

  token(user: string, audience: Audience, scopes?: string[]): Promise<MintedToken> {
    return this.json<MintedToken>('/_local/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, audience, ...(scopes ? { scopes } : {}) }),
    });
  }

  /** The issuer the tenant signs with, read from its OIDC discovery (never assumed). */
  issuer(): Promise<string> {
    this.issuerUrl ??= this.json<{ issuer: string }>(
      `/${this.tenantId}/v2.0/.well-known/openid-configuration`,
    ).then(
      (d) => d.issuer,
      (err: unknown) => {
        this.issuerUrl = undefined;
        throw err;
      },
    );
    return this.issuerUrl;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, init);
    } catch (err) {
      throw new TenantError(
        `The local tenant at ${this.baseUrl} did not answer (${err instanceof Error ? err.message : String(err)}).`,
        true,
      );
    }
    if (!res.ok) {
      const text = await res.text();
      throw new TenantError(
        `${init?.method ?? 'GET'} ${path}: ${String(res.status)} ${text}`,
        false,
      );
    }
    return (await res.json()) as T;
  }
}
