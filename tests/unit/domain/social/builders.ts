import type { Participant, PlanInput } from '../../../../src/domain/social/plan-types';
import { instant, type Instant } from '../../../../src/domain/time/instant';

export const at = (iso: string): Instant => instant(Date.parse(iso));

/** Monday to Friday, 09:00–17:00 in New York unless overridden. */
export const person = (id: string, over: Partial<Participant> = {}): Participant => ({
  id,
  timeZone: 'America/New_York',
  workingHours: {
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    start: '09:00',
    end: '17:00',
  },
  busy: [],
  ...over,
});

/** Friday 6 March 2026 to Wednesday 11 March: the US clocks change on Sunday 8 March. */
export const planInput = (over: Partial<PlanInput> = {}): PlanInput => ({
  participants: [],
  pastGroups: [],
  window: { start: at('2026-03-06T00:00:00Z'), end: at('2026-03-11T00:00:00Z') },
  slotMinutes: 30,
  groupSize: 2,
  preferredPart: 'any',
  now: at('2026-03-05T12:00:00Z'),
  seed: 7,
  ...over,
});
