/** Small helpers shared by the benchmarks: timing, percentiles, the results table. */
/**
 * A subject and its floor timed in alternation (subject, floor, subject, …): a machine that slows down or speeds up
 * during the run moves both alike, so the ratio between them holds (timed one after the other, a slow minute could
 * land on one side only).
 */
export async function timePair(
  subject: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  iterations: number,
  warmup = Math.min(20, iterations),
) {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await floor();
  }
  const subjectSamples: number[] = [];
  const floorSamples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const [fn, samples] of [
      [subject, subjectSamples],
      [floor, floorSamples],
    ] as const) {
      const start = process.hrtime.bigint();
      await fn();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return { subject: summarize(subjectSamples), floor: summarize(floorSamples) };
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { n: samples.length, p50: at(50), p99: at(99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

export interface Row {
  benchmark: string;
  subject: string;
  floor: string;
  subjectP50: number;
  floorP50: number;
  ratio: number;
  target: string;
  pass: boolean;
}

export function printTable(rows: Row[]) {
  const head = ['benchmark', 'subject p50 ms', 'floor p50 ms', 'ratio', 'target', 'ok'];
  const lines = rows.map((r) => [
    r.benchmark,
    r.subjectP50.toFixed(2),
    r.floorP50.toFixed(2),
    r.ratio.toFixed(2),
    r.target,
    r.pass ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
