/** Median and percentiles of millisecond samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]) {
  return { samples: samples.length, medianMs: round(percentile(samples, 50), 3), p90Ms: round(percentile(samples, 90), 3), p99Ms: round(percentile(samples, 99), 3) };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's duration in ms. */
export async function timeRuns(warmup: number, runs: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/**
 * Times several functions against each other: each run calls every one of them once, in an order
 * that rotates from run to run, so that other load on the machine, which comes and goes, weighs on
 * all of them alike (timing one after the other lets a busy spell fall on one side only).
 * Returns each function's summary and this process's CPU time per call, in ms. `afterWarmup` runs
 * once between the warm-up and the measured runs (to read a server's counters, say).
 */
export async function timeInterleaved<K extends string>(warmup: number, runs: number, fns: Record<K, () => unknown>, afterWarmup?: () => Promise<void>) {
  const names = Object.keys(fns) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  for (let run = 0; run < warmup + runs; run += 1) {
    if (run === warmup) await afterWarmup?.();
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(run + k) % names.length]!;
      const cpuBefore = process.cpuUsage();
      const start = process.hrtime.bigint();
      await fns[name]();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (run < warmup) continue;
      samples[name].push(elapsed);
      cpu[name] += cpuMillis(process.cpuUsage(cpuBefore));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ...summarize(samples[name]), cpuMsPerRun: round(cpu[name] / runs, 3) }])) as Record<
    K,
    ReturnType<typeof summarize> & { cpuMsPerRun: number }
  >;
}

export function cpuMillis(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
