import { writeFileSync } from 'node:fs';

export interface Metric {
  value: number;
  unit: string;
}

/** Metric name → value and unit, as bench/results.json holds them. */
export type Metrics = Record<string, Metric>;

export const RESULTS_FILE = new URL('./results.json', import.meta.url);

export function writeResults(metrics: Metrics): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(metrics, null, 2)}\n`);
}

const formatValue = (m: Metric): string =>
  Number.isInteger(m.value) ? m.value.toLocaleString('en-US') : m.value.toFixed(2);

/** The metrics as a plain-text table, one row each, in the order they were added. */
export function table(metrics: Metrics): string {
  const rows = Object.entries(metrics).map(([name, m]) => [name, formatValue(m), m.unit]);
  const header = ['metric', 'value', 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};
