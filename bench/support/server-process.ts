// Child process of the benchmark: runs one HTTP server on its own core and reports what it used, so
// the load generator never shares an event loop with the server it measures.
//   numberyard <dataDir>   the real server (src/server.ts startServer, port 0, logger off)
//   hello                  a bare Fastify hello-world, the baseline for requests per second
//   fixed <json>           a bare Fastify route that answers every GET with this JSON body and a
//                          request-id header: what sending GetPhoneNumber's response costs by itself
//   minimal <dataDir>      a bare Fastify GET /phone-numbers/:id doing only what GetPhoneNumber must:
//                          check SigV4 and read the key and the number from SQLite (see startMinimal)
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { loadConfig } from '../../src/config';
import { parseAuthorization, verifySignature } from '../../src/http/auth/sigv4-verifier';
import { databaseTargetOf, masterKeyOf, startServer } from '../../src/server';
import type { AccessKeyRow } from '../../src/storage/repositories/access-key.repository';
import type { PhoneNumberRow } from '../../src/storage/repositories/phone-number.repository';
import { toWirePhoneNumber } from '../../src/services/phone-number.mapper';
import { createSecretBox } from '../../src/services/secret-box';
import type { CpuProfile } from './cpu-phases';
import type { ChildReport, ChildRequest, ChildUsage } from './server-child';

async function listenBare(app: ReturnType<typeof Fastify>): Promise<{ url: string; http: Server; close(): Promise<void> }> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, http: app.server, close: () => app.close() };
}

/**
 * GetPhoneNumber reduced to the work the API requires of it, with nothing of numberyard's own around
 * it: the same SigV4 verifier (@smithy/signature-v4), the same two lookups as prepared better-sqlite3
 * statements (no Kysely), each secret opened once (as numberyard keeps opened secrets), the same
 * mapper, JSON.stringify. No hooks, validation, metrics, rate limit or error mapping: its requests/s
 * are what any server that checks every signature and reads the database could reach here.
 */
async function startMinimal(dataDir: string) {
  const target = databaseTargetOf({ dataDir, databaseUrl: undefined });
  if (target.kind !== 'sqlite') throw new Error('the minimal server needs the SQLite target');
  const sqlite = new BetterSqlite3(target.path, { readonly: true });
  const box = createSecretBox(masterKeyOf({ dataDir, masterKey: undefined }));
  const findKey = sqlite.prepare<[string], AccessKeyRow>('select * from access_keys where access_key_id = ? and revoked_at is null');
  const findNumber = sqlite.prepare<[string, string], PhoneNumberRow>('select * from phone_numbers where e164 = ? and organization_id = ?');
  const opened = new Map<string, string>();
  const region = 'us-east-1';
  const regions = new Set([region]);
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/phone-numbers/:id', async (request, reply) => {
    const auth = parseAuthorization(request.headers);
    const key = findKey.get(auth.accessKeyId);
    if (!key) throw new Error('unknown access key');
    const sealed = `${key.access_key_id}\n${key.secret_access_key}`;
    let secret = opened.get(sealed);
    if (secret === undefined) opened.set(sealed, (secret = box.open(key.secret_access_key, key.access_key_id)));
    await verifySignature({ method: request.method, rawUrl: request.raw.url ?? request.url, headers: request.headers, rawBody: undefined }, auth, secret, regions, new Date());
    const row = findNumber.get(request.params.id, key.organization_id);
    if (!row) throw new Error('unknown number');
    void reply.header('content-type', 'application/json; charset=utf-8').header('x-amzn-RequestId', randomUUID());
    return JSON.stringify({ PhoneNumber: toWirePhoneNumber(row, region) });
  });
  const listening = await listenBare(app);
  return { ...listening, close: () => listening.close().finally(() => sqlite.close()) };
}

async function start(kind: string | undefined, argument: string | undefined): Promise<{ url: string; http: Server; close(): Promise<void> }> {
  if (kind === 'hello') {
    const app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
    return listenBare(app);
  }
  if (kind === 'fixed' && argument) {
    const body = argument; // already JSON: sent as it is, with the headers numberyard sends
    const app = Fastify({ logger: false });
    app.get('/*', (_request, reply) => {
      void reply.header('content-type', 'application/json; charset=utf-8').header('x-amzn-RequestId', randomUUID()).send(body);
    });
    return listenBare(app);
  }
  const dataDir = argument;
  if (kind === 'minimal' && dataDir) return startMinimal(dataDir);
  if (kind !== 'numberyard' || !dataDir) throw new Error('usage: server-process.ts numberyard <dataDir> | minimal <dataDir> | hello | fixed <json>');
  // The configuration a deployment gets from its environment, as main.ts loads it.
  // The per-key rate limit stays on (its check is part of every request's cost) but far above what
  // one key sends here: the benchmark measures what a request costs, not the throttling policy.
  const config = loadConfig({ NUMBERYARD_DATA_DIR: dataDir, NUMBERYARD_PORT: '0', NUMBERYARD_HOST: '127.0.0.1', NUMBERYARD_RATE_LIMIT_PER_SECOND: '1000000' });
  const server = await startServer(config, { logger: false });
  return { url: server.url, http: server.app.server, close: () => server.close() };
}

const server = await start(process.argv[2], process.argv[3]);

// Time in the server from a request's arrival to its response's hand-over to the socket: what
// the server itself takes, without the client and the scheduling of two processes.
let durations: number[] = [];
server.http.prependListener('request', (_request, response) => {
  const start = process.hrtime.bigint();
  response.once('finish', () => durations.push(Number(process.hrtime.bigint() - start) / 1e6));
});

function usage(): ChildUsage {
  const sorted = durations.sort((a, b) => a - b);
  const served = { requests: sorted.length, medianMs: sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0 };
  durations = [];
  return { memory: process.memoryUsage(), cpu: process.cpuUsage(), served };
}

function send(report: ChildReport): void {
  process.send?.(report);
}

send({ type: 'ready', url: server.url, ...usage() });
// Without the benchmark that started it, nobody would ever stop this server.
process.on('disconnect', () => process.exit(1));
// A CPU profile of a chosen stretch (not of start-up or the other phases), for the phase breakdown.
const inspector = new Session();
inspector.connect();
process.on('message', (message: ChildRequest) => {
  if (message === 'usage') send({ type: 'usage', ...usage() });
  if (message === 'profile-start') {
    void inspector
      .post('Profiler.enable')
      .then(() => inspector.post('Profiler.start'))
      .then(() => send({ type: 'profile-started' }));
  }
  if (message === 'profile-stop') void inspector.post('Profiler.stop').then(({ profile }) => send({ type: 'profile', profile: profile as CpuProfile }));
  if (message === 'stop') {
    // Exiting normally lets --cpu-prof write its profile.
    void server.close().then(() => process.exit(0));
  }
});
