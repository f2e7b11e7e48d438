// The mixed-load benchmark of issue 8 (not part of `npm test`):
//   npm run bench:mixed-load              (short run: 20,000 numbers, ~2.5 minutes)
//   npm run bench:mixed-load -- --full    (1,000,000 numbers imported, 5 minutes of load on node A)
// Two real `numberyard serve` processes on one fresh PostgreSQL database (on the server at
// NUMBERYARD_TEST_DATABASE_URL, or `bash scripts/start-test-postgres.sh`), sharing a master key.
// autocannon sends SigV4-signed requests: 60% GetPhoneNumber, 30% ListPhoneNumbers, 10% writes
// (Associate / Disassociate one number with a Voice Connector). Measured in alternating rounds in the
// same run: all connections on node A ("one node"), the same split over two load generators on A
// ("one node, split"), and half on A, half on B ("two nodes").
// Reported: req/s, p99, the ratio two/one, CPU seconds per node, of PostgreSQL's backends for this
// database and of the load generator, and node RSS right after start against after the load.
// Requests are signed ahead of time and replayed (SigV4 accepts a signed request for 15 minutes; the
// server still verifies every signature); every run of the load stays well inside that window.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import pg from 'pg';
import { signedFetch } from '../src/client/signed-fetch';
import { BATCH_MAX_ITEMS } from '../src/contract/limits';
import { newAdminCredentials, importIntoNode } from '../test/ops/support/node-inventory';
import { startServerNode, type ServerNode } from '../test/ops/support/server-node';
import type { Credentials } from '../test/support/test-server';
import { benchNumber } from './support/numbers';
import { progress, round } from './support/stats';

const FULL = process.argv.includes('--full');
const REGION = 'us-east-1';
const INVENTORY = FULL ? 1_000_000 : 20_000;
const CONNECTIONS = 16;
/** Node B starts after A has imported: both get a warm-up (JIT, pools) before anything is counted. */
const WARMUP_SECONDS = 10;
const ROUNDS = FULL ? 4 : 3;
const ROUND_SECONDS = FULL ? 25 : 15;
/** Distinct numbers the writes cycle through: associate all of them in turn, then disassociate them in turn. */
const WRITE_POOL = 2_000;
const READ_POOL = 2_000;

// ---------------------------------------------------------------- PostgreSQL

function postgresUrl(): string {
  if (process.env.NUMBERYARD_TEST_DATABASE_URL) return process.env.NUMBERYARD_TEST_DATABASE_URL;
  const script = fileURLToPath(new URL('../scripts/start-test-postgres.sh', import.meta.url));
  return execFileSync('bash', [script], { encoding: 'utf8' }).trim();
}

async function freshDatabase(adminUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `ny_mixed_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

// ---------------------------------------------------------------- /proc figures

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return round(Number(match![1]) / 1024, 1);
}

/** CPU seconds per PostgreSQL backend serving `database` (its process title names the database). */
function postgresBackends(database: string): Map<number, number> {
  const backends = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (title.startsWith('postgres: ') && title.includes(` ${database} `)) backends.set(Number(entry), cpuSeconds(Number(entry)));
  }
  return backends;
}

/** CPU used by this database's backends between two snapshots (a backend opened meanwhile counts from zero). */
function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

// ---------------------------------------------------------------- signed requests

interface SignedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

async function sign(credentials: Credentials, baseUrl: string, method: 'GET' | 'POST', pathname: string, query: Record<string, string>, body?: unknown): Promise<SignedRequest> {
  const url = new URL(baseUrl);
  const sigv4 = new SignatureV4({ service: 'chime', region: REGION, credentials, sha256: Hash.bind(null, 'sha256') });
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { host: url.host, ...(text !== undefined && { 'content-type': 'application/json' }) };
  const signed = await sigv4.sign(new HttpRequest({ method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: pathname, query, headers, body: text }));
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  return { method, path: search ? `${pathname}?${search}` : pathname, headers: signed.headers as Record<string, string>, ...(text !== undefined && { body: text }) };
}

/** The same abstract operations, signed for one node's host. */
interface NodePool {
  gets: SignedRequest[];
  lists: SignedRequest[];
  associates: SignedRequest[];
  disassociates: SignedRequest[];
}

async function signPool(credentials: Credentials, baseUrl: string, connectorId: string, readNumbers: string[], writeNumbers: string[]): Promise<NodePool> {
  const connectorPath = `/voice-connectors/${connectorId}`;
  const listQueries: Record<string, string>[] = [
    { 'max-results': '20' },
    { 'max-results': '50', status: 'Unassigned' },
    { 'max-results': '20', 'product-type': 'VoiceConnector' },
    { 'max-results': '20', 'filter-name': 'VoiceConnectorId', 'filter-value': connectorId },
  ];
  return {
    gets: await Promise.all(readNumbers.map((e164) => sign(credentials, baseUrl, 'GET', `/phone-numbers/${encodeURIComponent(e164)}`, {}))),
    lists: await Promise.all(listQueries.map((query) => sign(credentials, baseUrl, 'GET', '/phone-numbers', query))),
    associates: await Promise.all(
      writeNumbers.map((e164) => sign(credentials, baseUrl, 'POST', connectorPath, { operation: 'associate-phone-numbers' }, { E164PhoneNumbers: [e164] })),
    ),
    disassociates: await Promise.all(
      writeNumbers.map((e164) => sign(credentials, baseUrl, 'POST', connectorPath, { operation: 'disassociate-phone-numbers' }, { E164PhoneNumbers: [e164] })),
    ),
  };
}

/**
 * One sequence of operations shared by every connection of every node, so that writes stay in order
 * across nodes: slot k of every 10 is a write; writes associate the pool's numbers in turn, then
 * disassociate them in turn, so a number's associate is answered long before its disassociate.
 */
function createSequencer() {
  let slot = 0;
  let write = 0;
  let read = 0;
  return (pool: NodePool): SignedRequest => {
    slot += 1;
    if (slot % 10 === 0) {
      const turn = write % (2 * WRITE_POOL);
      write += 1;
      return turn < WRITE_POOL ? pool.associates[turn]! : pool.disassociates[turn - WRITE_POOL]!;
    }
    read += 1;
    return slot % 3 === 0 ? pool.lists[read % pool.lists.length]! : pool.gets[read % pool.gets.length]!;
  };
}

// ---------------------------------------------------------------- load

interface Counters {
  writeErrors: number;
}

function load(url: string, pool: NodePool, next: (pool: NodePool) => SignedRequest, connections: number, seconds: number, counters: Counters) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request: autocannon.Request) => ({ ...request, ...next(pool) }),
        // A write answers 200 even when its number was refused; the refusal is in PhoneNumberErrors.
        onResponse: (_status: number, body: string) => {
          if (body.startsWith('{"PhoneNumberErrors":[{')) counters.writeErrors += 1;
        },
      },
    ],
  });
}

function countStatusCodes(results: autocannon.Result[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) counts[status] = (counts[status] ?? 0) + count;
  }
  return counts;
}

interface RoundFigures {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  cpuSeconds: { nodeA: number; nodeB: number; postgres: number; loadGenerator: number };
}

async function measure(
  targets: { url: string; pool: NodePool; connections: number }[],
  seconds: number,
  next: (pool: NodePool) => SignedRequest,
  nodes: ServerNode[],
  database: string,
  counters: Counters,
): Promise<RoundFigures> {
  const nodeBefore = nodes.map((node) => cpuSeconds(node.process.pid!));
  const postgresBefore = postgresBackends(database);
  const selfBefore = process.cpuUsage();
  const results = await Promise.all(targets.map((t) => load(t.url, t.pool, next, t.connections, seconds, counters)));
  const self = process.cpuUsage(selfBefore);
  const nodeCpu = nodes.map((node, i) => round(cpuSeconds(node.process.pid!) - nodeBefore[i]!, 2));
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    requestsPerSecond: round(total / Math.max(...results.map((r) => r.duration)), 0),
    // Across two autocannon instances: the larger p99 of the two (conservative; they are not merged).
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    statusCodes: countStatusCodes(results),
    cpuSeconds: {
      nodeA: nodeCpu[0]!,
      nodeB: nodeCpu[1]!,
      postgres: round(postgresCpuBetween(postgresBefore, postgresBackends(database)), 2),
      loadGenerator: round((self.user + self.system) / 1e6, 2),
    },
  };
}

function mergeCounts(counts: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const count of counts) for (const [key, n] of Object.entries(count)) merged[key] = (merged[key] ?? 0) + n;
  return merged;
}

function summarize(rounds: RoundFigures[]) {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const sum = (pick: (r: RoundFigures) => number) => round(rounds.reduce((s, r) => s + pick(r), 0), 2);
  const requests = rounds.reduce((s, r) => s + r.requestsPerSecond * ROUND_SECONDS, 0);
  const perRequestMicros = (seconds: number) => round((seconds * 1e6) / requests, 0);
  const cpu = { nodeA: sum((r) => r.cpuSeconds.nodeA), nodeB: sum((r) => r.cpuSeconds.nodeB), postgres: sum((r) => r.cpuSeconds.postgres), loadGenerator: sum((r) => r.cpuSeconds.loadGenerator) };
  return {
    requestsPerSecond: median.requestsPerSecond,
    p99Ms: median.p99Ms,
    roundsRequestsPerSecond: rounds.map((r) => r.requestsPerSecond),
    roundsP99Ms: rounds.map((r) => r.p99Ms),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    statusCodes: mergeCounts(rounds.map((r) => r.statusCodes)),
    cpuSeconds: cpu,
    cpuMicrosPerRequest: { nodeA: perRequestMicros(cpu.nodeA), nodeB: perRequestMicros(cpu.nodeB), postgres: perRequestMicros(cpu.postgres), loadGenerator: perRequestMicros(cpu.loadGenerator) },
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const database = await freshDatabase(postgresUrl());
  const admin = newAdminCredentials();
  // Throttling off: the per-key limit (200/s per node by default) would cap the very rates measured here.
  const env = { NUMBERYARD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), NUMBERYARD_RATE_LIMIT_PER_SECOND: '0' };
  const nodes: ServerNode[] = [];
  try {
    progress(`starting node A on ${database.name}`);
    const nodeA = await startServerNode({ databaseUrl: database.url, admin, env, startTimeoutMs: 60_000 });
    nodes.push(nodeA);
    const rssAtStartA = rssMb(nodeA.process.pid!);
    progress(`importing ${INVENTORY.toLocaleString('en-US')} numbers through the admin route`);
    const importStarted = Date.now();
    for (let first = 0; first < INVENTORY; first += BATCH_MAX_ITEMS) {
      const numbers = Array.from({ length: Math.min(BATCH_MAX_ITEMS, INVENTORY - first) }, (_, i) => benchNumber(first + i).e164);
      await importIntoNode(nodeA.url, admin, numbers, 'VoiceConnector');
      if ((first / BATCH_MAX_ITEMS) % 100 === 99) progress(`  ${(first + BATCH_MAX_ITEMS).toLocaleString('en-US')} imported`);
    }
    const importSeconds = round((Date.now() - importStarted) / 1000, 1);
    const rssAfterImportA = rssMb(nodeA.process.pid!);
    const created = await signedFetch<{ VoiceConnector: { VoiceConnectorId: string } }>(
      { endpoint: nodeA.url, region: REGION, credentials: admin },
      'POST',
      '/voice-connectors',
      { Name: 'mixed load', RequireEncryption: true },
    );
    const connectorId = created.body.VoiceConnector.VoiceConnectorId;

    progress('starting node B on the same database');
    const nodeB = await startServerNode({ databaseUrl: database.url, admin, env, startTimeoutMs: 60_000 });
    nodes.push(nodeB);
    const rssAtStartB = rssMb(nodeB.process.pid!);

    const step = Math.floor(INVENTORY / (READ_POOL + WRITE_POOL));
    const spread = Array.from({ length: READ_POOL + WRITE_POOL }, (_, k) => benchNumber(k * step).e164);
    const readNumbers = spread.filter((_, k) => k % 2 === 0);
    const writeNumbers = spread.filter((_, k) => k % 2 === 1);
    progress('signing the request pools');
    const poolA = await signPool(admin, nodeA.url, connectorId, readNumbers, writeNumbers);
    const poolB = await signPool(admin, nodeB.url, connectorId, readNumbers, writeNumbers);
    const signedAt = Date.now();

    const next = createSequencer();
    const counters: Counters = { writeErrors: 0 };
    const half = CONNECTIONS / 2;
    // "one node, split" drives node A with the same two half-size autocannon instances as "two nodes":
    // it tells what splitting the load generator costs (and its max-of-two p99) from what a second node costs.
    const configs = {
      one: [{ url: nodeA.url, pool: poolA, connections: CONNECTIONS }],
      oneSplit: [
        { url: nodeA.url, pool: poolA, connections: half },
        { url: nodeA.url, pool: poolA, connections: half },
      ],
      two: [
        { url: nodeA.url, pool: poolA, connections: half },
        { url: nodeB.url, pool: poolB, connections: half },
      ],
    };
    type Config = keyof typeof configs;
    progress(`warm-up ${WARMUP_SECONDS}s on one node, then on two`);
    await measure(configs.one, WARMUP_SECONDS, next, nodes, database.name, counters);
    await measure(configs.two, WARMUP_SECONDS, next, nodes, database.name, counters);
    const rounds: Record<Config, RoundFigures[]> = { one: [], oneSplit: [], two: [] };
    // Each round in the reverse order of the one before, so that load from other processes, which drifts, weighs on all alike.
    for (let r = 0; r < ROUNDS; r += 1) {
      const order: Config[] = r % 2 === 0 ? ['one', 'oneSplit', 'two'] : ['two', 'oneSplit', 'one'];
      progress(`round ${r + 1}/${ROUNDS}: ${order.join(', ')} (${ROUND_SECONDS}s each)`);
      for (const config of order) rounds[config].push(await measure(configs[config], ROUND_SECONDS, next, nodes, database.name, counters));
    }
    const replayWindowMinutes = round((Date.now() - signedAt) / 60_000, 1);
    const oneNode = summarize(rounds.one);
    const oneNodeSplit = summarize(rounds.oneSplit);
    const twoNodes = summarize(rounds.two);
    const rssAfterLoadA = rssMb(nodeA.process.pid!);
    const report = {
      benchmark: 'mixed-load',
      date: new Date().toISOString(),
      mode: FULL ? 'full' : 'short',
      machine: { cpus: os.cpus().length, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)) },
      setup: {
        inventory: INVENTORY,
        importSeconds,
        connections: CONNECTIONS,
        roundSeconds: ROUND_SECONDS,
        rounds: ROUNDS,
        mix: '60% GetPhoneNumber, 30% ListPhoneNumbers, 10% Associate/Disassociate one number with a Voice Connector',
        signing: `requests pre-signed with SigV4 and replayed; the last was sent ${replayWindowMinutes} min after signing (SigV4 window: 15 min)`,
      },
      oneNode,
      oneNodeSplit,
      twoNodes,
      ratio: {
        requestsPerSecond: round(twoNodes.requestsPerSecond / oneNode.requestsPerSecond, 2),
        p99: round(twoNodes.p99Ms / Math.max(oneNode.p99Ms, 1), 2),
        versusOneNodeSplit: {
          requestsPerSecond: round(twoNodes.requestsPerSecond / oneNodeSplit.requestsPerSecond, 2),
          p99: round(twoNodes.p99Ms / Math.max(oneNodeSplit.p99Ms, 1), 2),
        },
        goal: 'two nodes >= 0.9x one node; p99 within 2x',
      },
      writesRefused: counters.writeErrors,
      rssMb: {
        nodeA: { atStart: rssAtStartA, afterImport: rssAfterImportA, afterLoad: rssAfterLoadA, ratio: round(rssAfterLoadA / rssAtStartA, 2) },
        nodeB: { atStart: rssAtStartB, afterLoad: rssMb(nodeB.process.pid!), ratio: round(rssMb(nodeB.process.pid!) / rssAtStartB, 2) },
        goal: FULL ? 'after a 1M import and 5 minutes of mixed load <= 1.5x at start' : 'short run: 20,000 numbers and ~2 minutes of load, not the 1M / 5 minute case (use --full)',
      },
      nodesAlive: nodes.every((node) => node.exitCode() === undefined),
    };
    console.log(JSON.stringify(report, null, 2));
    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, `mixed-load-${report.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    for (const node of nodes) await node.stop();
    await database.drop();
  }
}

await main();
