import { toIanaZone } from '../../../domain/time/zones';
import { GraphError } from './graph-error';

export interface Preferences {
  /** The zone to express times in (as the client named it), when asked and known. */
  timeZone?: string;
  bodyContentType?: 'text' | 'html';
  applied: string[];
}

/** Reads Graph's `Prefer` header: `outlook.timezone="…"` and `outlook.body-content-type="…"`. */
export function readPreferences(header: string | undefined): Preferences {
  const out: Preferences = { applied: [] };
  if (!header) return out;
  for (const part of header.split(',')) {
    const m = /^\s*([\w.-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (!m) continue;
    const [, name, value] = m;
    if (name?.toLowerCase() === 'outlook.timezone' && value) {
      if (!toIanaZone(value)) {
        throw new GraphError(
          400,
          'TimeZoneNotSupportedException',
          `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${value}'.`,
        );
      }
      out.timeZone = value;
      out.applied.push(`outlook.timezone="${value}"`);
    }
    if (
      name?.toLowerCase() === 'outlook.body-content-type' &&
      (value === 'text' || value === 'html')
    ) {
      out.bodyContentType = value;
      out.applied.push(`outlook.body-content-type="${value}"`);
    }
  }
  return out;
}
