/** A point in time as epoch milliseconds, branded so it is never mixed up with a duration. */
export type Instant = number & { readonly __brand: 'Instant' };

/** A source of the current time, passed in wherever "now" matters. */
export interface Clock {
  now(): Instant;
}

export const instant = (ms: number): Instant => ms as Instant;
