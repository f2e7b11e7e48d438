// Requests per second with autocannon: the same connection count, duration and client for the
// server under test and for its baseline. The two are measured in alternating rounds after a warm-up
// each, so that other load on the machine, which comes and goes, weighs on both alike.
import autocannon from 'autocannon';
import { cpuPerRequestByPhase, type Phase } from './cpu-phases';
import type { ServerChild } from './server-child';
import { round } from './stats';

export interface ThroughputOptions {
  connections: number;
  warmupSeconds: number;
  /** Each target is measured this many times, for roundSeconds each, alternating with the others. */
  rounds: number;
  roundSeconds: number;
  /** After the measured rounds, one more round of this length under the CPU profiler, for the phase breakdown. */
  profileSeconds: number;
}

type PoolRequest = { method: 'GET'; path: string; headers: Record<string, string> };

export interface ThroughputTarget {
  server: ServerChild;
  /** Requests each connection sends in turn; without them, GET / */
  requests?: readonly PoolRequest[];
}

export interface ThroughputFigures {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  totalRequests: number;
  roundsRequestsPerSecond: number[];
  /** autocannon's latency percentiles, whole milliseconds, of the round with the median rate. */
  latencyMs: { p50: number; p99: number };
  /**
   * CPU time the server process spent per request during the measured rounds. Unlike requests/s it
   * hardly changes when other processes compete for the machine's cores.
   */
  serverCpuMicrosPerRequest: number;
  /** Median time in the server from a request's arrival to the hand-over of its response (last round). */
  serverMedianMs: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  /** serverCpuMicrosPerRequest split by phase (from a separate, profiled round). */
  serverCpuMicrosByPhase: Record<Phase, number>;
}

function run(target: ThroughputTarget, connections: number, duration: number) {
  const requests = target.requests ? { requests: target.requests.map((r) => ({ ...r })) } : {};
  return autocannon({ url: target.server.url, connections, duration, ...requests });
}

export async function compareThroughput<K extends string>(
  targets: Record<K, ThroughputTarget>,
  options: ThroughputOptions,
): Promise<Record<K, ThroughputFigures>> {
  const entries = Object.entries(targets) as [K, ThroughputTarget][];
  for (const [, target] of entries) await run(target, options.connections, options.warmupSeconds);
  const rounds = new Map<K, { result: autocannon.Result; cpuMicros: number; serverMedianMs: number }[]>(entries.map(([name]) => [name, []]));
  for (let r = 0; r < options.rounds; r += 1) {
    for (const [name, target] of entries) {
      const before = await target.server.usage();
      const result = await run(target, options.connections, options.roundSeconds);
      const after = await target.server.usage();
      const cpuMicros = after.cpu.user - before.cpu.user + (after.cpu.system - before.cpu.system);
      rounds.get(name)!.push({ result, cpuMicros, serverMedianMs: after.served.medianMs });
    }
  }
  const figures = {} as Record<K, ThroughputFigures>;
  for (const [name, measured] of rounds) {
    const summary = summarizeRounds(measured, options.connections);
    const target = targets[name];
    const profile = await target.server.profile(() => run(target, options.connections, options.profileSeconds));
    figures[name] = { ...summary, serverCpuMicrosByPhase: cpuPerRequestByPhase(profile, summary.serverCpuMicrosPerRequest) };
  }
  return figures;
}

function summarizeRounds(rounds: { result: autocannon.Result; cpuMicros: number; serverMedianMs: number }[], connections: number): Omit<ThroughputFigures, 'serverCpuMicrosByPhase'> {
  const total = rounds.reduce((sum, { result }) => sum + result.requests.total, 0);
  const seconds = rounds.reduce((sum, { result }) => sum + result.duration, 0);
  const rate = ({ result }: { result: autocannon.Result }) => result.requests.total / result.duration;
  const median = [...rounds].sort((a, b) => rate(a) - rate(b))[Math.floor((rounds.length - 1) / 2)]!.result;
  return {
    connections,
    seconds: round(seconds, 1),
    requestsPerSecond: round(total / seconds, 0),
    totalRequests: total,
    roundsRequestsPerSecond: rounds.map((r) => round(rate(r), 0)),
    latencyMs: { p50: median.latency.p50, p99: median.latency.p99 },
    serverCpuMicrosPerRequest: round(rounds.reduce((sum, r) => sum + r.cpuMicros, 0) / total, 1),
    serverMedianMs: round(rounds[rounds.length - 1]!.serverMedianMs, 3),
    non2xx: rounds.reduce((sum, { result }) => sum + result.non2xx, 0),
    errors: rounds.reduce((sum, { result }) => sum + result.errors, 0),
  };
}
