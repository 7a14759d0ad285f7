import { instant, type Instant } from '../time/instant';
import type { Interval } from './plan-types';

/**
 * Possible slot starts on a UTC-aligned quarter-hour grid, and sets of them as bitsets.
 *
 * Bit `i` of a set stands for the slot `[origin + i·15 min, … + slot length)`, so "these people
 * have a common slot" is one AND over a few dozen 32-bit words: ten working days (fourteen
 * calendar days) are 1,344 starts, 42 words. Quarter hours fit every zone's offset in use today
 * (+5:30 India, +5:45 Nepal).
 */

export const GRID_MINUTES = 15;
const STEP_MS = GRID_MINUTES * 60_000;

export interface SlotGrid {
  /** The first start: the window's start rounded up to a quarter hour. */
  origin: Instant;
  /** How many starts, each with the whole slot inside the window. */
  count: number;
  /** 32-bit words in one set. */
  words: number;
  slotMs: number;
}

export function slotGrid(window: Interval, slotMinutes: number): SlotGrid {
  const slotMs = slotMinutes * 60_000;
  const origin = Math.ceil(window.start / STEP_MS) * STEP_MS;
  const last = window.end - slotMs;
  const count = last < origin ? 0 : Math.floor((last - origin) / STEP_MS) + 1;
  return { origin: instant(origin), count, words: Math.ceil(count / 32), slotMs };
}

export const slotAt = (grid: SlotGrid, i: number): Interval => {
  const start = grid.origin + i * STEP_MS;
  return { start: instant(start), end: instant(start + grid.slotMs) };
};

export const emptySet = (grid: SlotGrid): Uint32Array => new Uint32Array(grid.words);

/** The starts whose whole slot lies inside `[start, end)`, as an inclusive index range. */
export function startsInside(grid: SlotGrid, start: number, end: number): [number, number] {
  const lo = Math.max(0, Math.ceil((start - grid.origin) / STEP_MS));
  const hi = Math.min(grid.count - 1, Math.floor((end - grid.slotMs - grid.origin) / STEP_MS));
  return [lo, hi];
}

/** The starts whose slot overlaps `[start, end)`, as an inclusive index range. */
export function startsOverlapping(grid: SlotGrid, start: number, end: number): [number, number] {
  const lo = Math.max(0, Math.floor((start - grid.slotMs - grid.origin) / STEP_MS) + 1);
  const hi = Math.min(grid.count - 1, Math.ceil((end - grid.origin) / STEP_MS) - 1);
  return [lo, hi];
}

export function setRange(set: Uint32Array, lo: number, hi: number): void {
  for (let i = lo; i <= hi; i += 1) set[i >>> 5] = (set[i >>> 5] ?? 0) | (1 << (i & 31));
}

export function clearRange(set: Uint32Array, lo: number, hi: number): void {
  for (let i = lo; i <= hi; i += 1) set[i >>> 5] = (set[i >>> 5] ?? 0) & ~(1 << (i & 31));
}

export const hasBit = (set: Uint32Array, i: number): boolean =>
  ((set[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;

export function intersects(a: Uint32Array, b: Uint32Array): boolean {
  for (let w = 0; w < a.length; w += 1) if (((a[w] ?? 0) & (b[w] ?? 0)) !== 0) return true;
  return false;
}

/** `into &= other`. */
export function andInto(into: Uint32Array, other: Uint32Array): void {
  for (let w = 0; w < into.length; w += 1) into[w] = (into[w] ?? 0) & (other[w] ?? 0);
}

const bitsIn = (word: number): number => {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

export function popcount(set: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < set.length; w += 1) n += bitsIn(set[w] ?? 0);
  return n;
}

export function popcountAnd(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < a.length; w += 1) n += bitsIn((a[w] ?? 0) & (b[w] ?? 0));
  return n;
}

/** Calls `visit` with each set bit's index, in increasing order. */
export function forEachBit(set: Uint32Array, visit: (i: number) => void): void {
  for (let w = 0; w < set.length; w += 1) {
    let word = set[w] ?? 0;
    while (word !== 0) {
      const low = word & -word;
      visit(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
}
