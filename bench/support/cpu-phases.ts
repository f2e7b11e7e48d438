// Splits a V8 CPU profile of the server into the phases of a request, so that a figure that misses
// its goal says where the time goes. Each sample is charged to the deepest frame on its stack that
// belongs to a phase (a SHA-256 inside @smithy/signature-v4 is SigV4, SQLite's native step is
// SQLite, the Kysely code around it is the query builder, and so on).

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
}

export const PHASES = [
  'socket write (syscall)',
  'SQLite (query and rows)',
  'SigV4 verification (@smithy/signature-v4, crypto)',
  'query building (Kysely)',
  'request validation (Ajv)',
  'response serialization (fast-json-stringify)',
  'services and mappers',
  'authentication hooks',
  'Fastify (routing, hooks, reply)',
  'Node HTTP (parsing, streams, events)',
  'garbage collection',
  'other',
] as const;
export type Phase = (typeof PHASES)[number];

function phaseOf(functionName: string, url: string, ancestors: () => string[]): Phase | undefined {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url === '' && /^write(v|Buffer|Utf8String|Latin1String)$/.test(functionName)) return 'socket write (syscall)';
  if (url.includes('/kysely/') && url.includes('sqlite-driver') && functionName === 'executeQuery') return 'SQLite (query and rows)';
  // The statement adapter runs the native step and builds the row objects (src/storage/sqlite-row-reader.ts).
  if (functionName === 'readSqliteRow' || url.includes('sqlite-statement-cache')) return 'SQLite (query and rows)';
  if (url.includes('@smithy/') || url.includes('sigv4-verifier')) return 'SigV4 verification (@smithy/signature-v4, crypto)';
  if (url.includes('/kysely/')) return 'query building (Kysely)';
  if (url.includes('/ajv/') || url.includes('validator-compiler')) return 'request validation (Ajv)';
  if (url.includes('fast-json-stringify')) return 'response serialization (fast-json-stringify)';
  // Generated code (Ajv validators, fast-json-stringify serializers) has no URL: its caller tells.
  if (url === '' && /^anonymous\d*$/.test(functionName)) {
    return ancestors().some((a) => a.includes('serialize')) ? 'response serialization (fast-json-stringify)' : 'request validation (Ajv)';
  }
  if (url.includes('/src/services/') || url.includes('/src/storage/') || url.includes('/src/domain/')) return 'services and mappers';
  if (url.includes('/src/http/auth/') || url.includes('@fastify/cookie')) return 'authentication hooks';
  if (url.includes('/fastify/') || url.includes('find-my-way') || url.includes('/src/http/')) return 'Fastify (routing, hooks, reply)';
  if (url.startsWith('node:_http') || url.startsWith('node:net') || url.startsWith('node:events') || url.startsWith('node:internal/streams') || url.startsWith('node:internal/stream_base')) {
    return 'Node HTTP (parsing, streams, events)';
  }
  return undefined;
}

/**
 * The server's CPU time per request split by phase: each phase's share of the profiled busy time
 * times the CPU per request measured without the profiler (which slows everything a little).
 */
export function cpuPerRequestByPhase(profile: CpuProfile, cpuPerRequest: number, digits = 1): Record<Phase, number> {
  const shares = cpuPhases(profile);
  const f = 10 ** digits;
  return Object.fromEntries(PHASES.map((p) => [p, Math.round(shares[p] * cpuPerRequest * f) / f])) as Record<Phase, number>;
}

/** Share of the busy (non-idle) samples per phase, between 0 and 1. */
export function cpuPhases(profile: CpuProfile): Record<Phase, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseById = new Map<number, Phase | 'idle'>();
  const classify = (id: number): Phase | 'idle' => {
    const known = phaseById.get(id);
    if (known) return known;
    let result: Phase | 'idle' = 'other';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      if (frame.functionName === '(idle)') {
        result = 'idle';
        break;
      }
      const ancestors = () => {
        const names: string[] = [];
        for (let up = parent.get(cur!); up !== undefined; up = parent.get(up)) names.push(byId.get(up)!.callFrame.functionName);
        return names;
      };
      const phase = phaseOf(frame.functionName, frame.url, ancestors);
      if (phase) {
        result = phase;
        break;
      }
    }
    phaseById.set(id, result);
    return result;
  };
  const counts = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  let busy = 0;
  for (const id of profile.samples) {
    const phase = classify(id);
    if (phase === 'idle') continue;
    counts[phase] += 1;
    busy += 1;
  }
  for (const p of PHASES) counts[p] = busy === 0 ? 0 : counts[p] / busy;
  return counts;
}
