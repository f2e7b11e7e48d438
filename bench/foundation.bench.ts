// The Foundation benchmark (not part of `npm test`): run with `npm run bench:foundation`.
// On a fresh SQLite data directory, in one run, each figure next to a baseline measured in the same run:
//   1. loading 1,000,000 numbers through the real import path vs a raw better-sqlite3 INSERT;
//   2. GetPhoneNumber requests/s over HTTP with SigV4 vs a bare Fastify hello-world, vs the same
//      response bytes sent by a bare route (the ceiling of any server), and vs a bare route that does
//      only the required work (SigV4 and two SQLite reads: the ceiling of any server that checks
//      every signature and reads the database);
//   3. a filtered ListPhoneNumbers page deep into the set vs the raw SQL that produces it;
//   4. the server's RSS on an empty database vs on the 1M database (after start and after the load).
// Prints the JSON report on stdout (also written to bench/results/), then a short summary.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../src/services';
import { createSecretBox } from '../src/services/secret-box';
import { systemClock, type Caller } from '../src/services/service-context';
import { databaseTargetOf, masterKeyOf } from '../src/server';
import { openDatabase } from '../src/storage/database';
import { migrateToLatest } from '../src/storage/migrator';
import { loadRawBaseline, loadThroughService } from './support/inventory-load';
import { measureListLatency } from './support/list-latency';
import { benchNumber, INVENTORY_SIZE, spreadIndexes } from './support/numbers';
import { startServerChild } from './support/server-child';
import { sendGet, signGet, type Signer } from './support/signed-requests';
import { progress, round } from './support/stats';
import { compareThroughput } from './support/throughput';

const REGION = 'us-east-1';
const GOALS = { getVsHelloWorld: 0.5, listVsRawSql: 2, rssVsEmpty: 1.5 };
const THROUGHPUT = { connections: 10, warmupSeconds: 3, rounds: 3, roundSeconds: 5, profileSeconds: 3 };
const SIGNED_POOL_SIZE = 1000;
const MB = 1024 * 1024;

const startedAt = Date.now();
const loadAtStart = os.loadavg();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-bench-'));
const dataDir = path.join(workDir, 'data');
const emptyDataDir = path.join(workDir, 'empty');
const target = databaseTargetOf({ dataDir, databaseUrl: undefined });
if (target.kind !== 'sqlite') throw new Error('the benchmark needs the SQLite target');
const databasePath = target.path;

async function main() {
  // 4a. RSS of the server right after it starts on an empty database.
  progress('starting the server on an empty database');
  const emptyServer = await startServerChild('numberyard', emptyDataDir);
  const emptyStartMemory = emptyServer.atStart.memory;
  await emptyServer.stop();

  // 1. Loading, in this process, through the services a server builds.
  const database = openDatabase({ kind: 'sqlite', path: databasePath });
  await migrateToLatest(database.db);
  const services = createServices({
    database,
    clock: systemClock,
    settings: { region: REGION, deletionRestoreWindowMs: 7 * 86_400_000 },
    // The key the server started on this data directory will use, or it could not open the secrets.
    secretBox: createSecretBox(masterKeyOf({ dataDir, masterKey: undefined })),
  });
  const adminKey = (await services.organizations.bootstrapAdministrator())!;
  const admin: Caller = { organizationId: adminKey.OrganizationId, accessKeyId: adminKey.AccessKeyId, isAdmin: true };
  const organization = await services.organizations.createOrganization('Bench organization');
  const key = await services.organizations.createAccessKey(organization.OrganizationId, { isAdmin: false });
  const caller: Caller = { organizationId: organization.OrganizationId, accessKeyId: key.AccessKeyId, isAdmin: false };
  const signer: Signer = { region: REGION, credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey } };

  progress(`loading ${INVENTORY_SIZE} numbers through services.inventoryImport.importOwnedNumbers`);
  const serviceLoad = await loadThroughService(services, admin, organization.OrganizationId);
  progress(`loading ${INVENTORY_SIZE} rows with a raw prepared INSERT into a scratch database`);
  const scratchPath = path.join(workDir, 'scratch.db');
  const rawLoad = await loadRawBaseline(scratchPath);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${scratchPath}${suffix}`, { force: true });
  const databaseBytes = fs.statSync(databasePath).size;

  // 4b. RSS right after start on the 1M database.
  progress('starting the server on the 1M database');
  const server = await startServerChild('numberyard', dataDir);
  const loadedStartMemory = server.atStart.memory;

  // 2. GetPhoneNumber vs hello-world, same tool, connections and duration.
  progress(`signing ${SIGNED_POOL_SIZE} distinct GetPhoneNumber requests`);
  const pool = await Promise.all(
    spreadIndexes(SIGNED_POOL_SIZE).map((i) => signGet(signer, server.url, `/phone-numbers/${encodeURIComponent(benchNumber(i).e164)}`)),
  );
  const probe = await fetch(new URL(pool[0]!.path, server.url), { headers: pool[0]!.headers });
  const probeText = await probe.text();
  const probeBody = JSON.parse(probeText) as { PhoneNumber?: { E164PhoneNumber: string } };
  if (probe.status !== 200 || probeBody.PhoneNumber?.E164PhoneNumber !== benchNumber(spreadIndexes(SIGNED_POOL_SIZE)[0]!).e164) {
    throw new Error(`GetPhoneNumber probe failed: ${probe.status} ${JSON.stringify(probeBody)}`);
  }
  progress('measuring GetPhoneNumber, the minimal route, the same response from a bare route, and hello-world requests/s');
  // A signed request carries numberyard's Host; node:http sends it as given (fetch would replace it).
  const probeAgent = new http.Agent({ keepAlive: true });
  const hello = await startServerChild('hello');
  // What the goal allows at best: GetPhoneNumber's response bytes sent by a bare Fastify route,
  // with no signature to check and no database to read.
  const fixed = await startServerChild('fixed', probeText);
  // What the required work costs without anything of numberyard's around it.
  const minimal = await startServerChild('minimal', dataDir);
  const minimalProbe = await sendGet(probeAgent, minimal.url, pool[0]!);
  if (minimalProbe.status !== 200 || minimalProbe.body !== probeText) throw new Error(`the minimal route answers differently: ${minimalProbe.status} ${minimalProbe.body}`);
  probeAgent.destroy();
  const { getPhoneNumber, minimalRoute, sameResponseBare, helloWorld } = await compareThroughput(
    {
      getPhoneNumber: { server, requests: pool },
      minimalRoute: { server: minimal, requests: pool },
      sameResponseBare: { server: fixed, requests: pool },
      helloWorld: { server: hello },
    },
    THROUGHPUT,
  );
  await hello.stop();
  await fixed.stop();
  await minimal.stop();
  if ([getPhoneNumber, minimalRoute, sameResponseBare, helloWorld].some((f) => f.non2xx + f.errors > 0)) throw new Error('some requests failed during the throughput runs');

  // 3. One filtered page deep into the set.
  progress('measuring a filtered ListPhoneNumbers page');
  const list = await measureListLatency({ databasePath, server, signer, caller, services, depth: 250_000, warmup: 200, runs: 500 });

  // 4c. RSS after the load measurements.
  const afterLoadMemory = (await server.usage()).memory;
  await server.stop();
  await database.db.destroy();

  const memory = (m: NodeJS.MemoryUsage) => ({ rssMB: round(m.rss / MB, 1), heapUsedMB: round(m.heapUsed / MB, 1) });
  const report = {
    benchmark: 'foundation',
    dialect: 'sqlite',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGB: round(os.totalmem() / 1024 ** 3, 1),
      // Other work on the machine slows every figure; above the core count the figures are noisy.
      loadAverageAtStart: loadAtStart.map((l) => round(l)),
      loadAverageAtEnd: os.loadavg().map((l) => round(l)),
    },
    load: {
      path: 'services.inventoryImport.importOwnedNumbers in batches of 1000 (what the CLI import calls through the admin route), one transaction per batch, with audit events',
      baseline: 'raw better-sqlite3 prepared INSERT, one per row, 1000 rows per transaction, into the same migrated phone_numbers table (same constraints and indexes) in a scratch database',
      service: serviceLoad,
      rawInsert: rawLoad,
      rawOverService: round(rawLoad.rowsPerSecond / serviceLoad.rowsPerSecond),
      databaseMB: round(databaseBytes / MB, 1),
    },
    getPhoneNumber: {
      method: `autocannon, ${THROUGHPUT.connections} connections, ${THROUGHPUT.warmupSeconds}s warm-up each, then ${THROUGHPUT.rounds} alternating rounds of ${THROUGHPUT.roundSeconds}s each; numberyard and hello-world each in their own process (tsx), the client in this one`,
      signing: `${SIGNED_POOL_SIZE} distinct requests (different numbers) SigV4-signed at the start and replayed by autocannon, as load generators do; SigV4 accepts a signed request for 15 minutes and the server verifies every signature`,
      getPhoneNumber,
      minimalRoute,
      sameResponseBare,
      helloWorld,
      ratio: round(getPhoneNumber.requestsPerSecond / helloWorld.requestsPerSecond),
      // Round i of each target ran within the same minute: on a shared machine whose speed drifts,
      // the spread of these says how far to trust the ratio above.
      ratioByRound: getPhoneNumber.roundsRequestsPerSecond.map((rate, i) => round(rate / helloWorld.roundsRequestsPerSecond[i]!)),
      minimalRouteRatio: round(minimalRoute.requestsPerSecond / helloWorld.requestsPerSecond),
      minimalRouteNote:
        'a bare Fastify GET /phone-numbers/:id that does only what GetPhoneNumber requires: the same SigV4 verifier (@smithy/signature-v4), the access key and the number read by prepared better-sqlite3 statements, the secret opened once, the same mapper and JSON.stringify; no Kysely, hooks, validation, metrics, rate limit or error mapping. Its ratio is the most any server that checks every signature and reads the database could reach here',
      sameResponseBareRatio: round(sameResponseBare.requestsPerSecond / helloWorld.requestsPerSecond),
      sameResponseBareNote:
        "GetPhoneNumber's exact response body, with a request-id header, sent by a bare Fastify route for the same pool of requests, without SigV4, database, validation, hooks or metrics: the most any implementation of GetPhoneNumber on Node's HTTP server could reach next to hello-world on this machine",
      goal: `>= ${GOALS.getVsHelloWorld}`,
      serverCpuRatio: round(helloWorld.serverCpuMicrosPerRequest / getPhoneNumber.serverCpuMicrosPerRequest),
      fairness:
        'one autocannon client in this process drives both servers with the same connection count and durations, in alternating rounds; on a machine with few cores that client can be the limit for hello-world (its server then idles between requests), which lowers the hello-world requests/s and flatters the requests/s ratio; serverCpuRatio compares what each server itself spends per request',
      serverCpuRatioNote: 'hello-world server CPU per request / GetPhoneNumber server CPU per request: the same ratio measured as cost, which other load on the machine disturbs less',
      phasesNote: `serverCpuMicrosByPhase: the server CPU per request of the measured rounds split by the shares of a V8 CPU profile taken in one more ${THROUGHPUT.profileSeconds}s round (bench/support/cpu-phases.ts charges each sample to the deepest frame that belongs to a phase); the socket write is the writev system call that sends the response, which on loopback also runs the receiving side of TCP`,
    },
    listPhoneNumbers: {
      ...list,
      httpOverRawSql: round(list.http.medianMs / list.rawSql.medianMs),
      serviceOverRawSql: round(list.service.medianMs / list.rawSql.medianMs),
      serverCpuOverRawSqlCpu: round(list.server.cpuMsPerRequest / list.rawSql.cpuMsPerRun),
      goal: `http median <= ${GOALS.listVsRawSql}x raw SQL median`,
      note: 'HTTP time is measured at the client: one pre-signed request re-sent on a keep-alive connection, from send to the last byte of the body (SigV4 check, query, mapping, JSON serialization, transport)',
    },
    memory: {
      emptyDatabaseAtStart: memory(emptyStartMemory),
      loadedDatabaseAtStart: memory(loadedStartMemory),
      loadedDatabaseAfterLoad: memory(afterLoadMemory),
      atStartOverEmpty: round(loadedStartMemory.rss / emptyStartMemory.rss),
      afterLoadOverEmpty: round(afterLoadMemory.rss / emptyStartMemory.rss),
      goal: `<= ${GOALS.rssVsEmpty}`,
    },
    totalSeconds: round((Date.now() - startedAt) / 1000, 1),
  };
  const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `foundation-${report.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n\n`);

  const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
  const phaseLine = (phases: Record<string, number>) =>
    Object.entries(phases)
      .filter(([, value]) => value > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([phase, value]) => `${phase} ${value}`)
      .join(', ');
  const g = report.getPhoneNumber;
  const l = report.listPhoneNumbers;
  const m = report.memory;
  process.stdout.write(
    [
      `numberyard foundation benchmark (SQLite, ${INVENTORY_SIZE.toLocaleString('en-US')} numbers, ${report.totalSeconds}s, load average ${report.machine.loadAverageAtStart[0]} -> ${report.machine.loadAverageAtEnd[0]} on ${report.machine.cpus} cores)`,
      `  load      service ${serviceLoad.rowsPerSecond.toLocaleString('en-US')} rows/s, raw INSERT ${rawLoad.rowsPerSecond.toLocaleString('en-US')} rows/s (raw is ${report.load.rawOverService}x faster)`,
      `  get       GetPhoneNumber ${g.getPhoneNumber.requestsPerSecond} req/s vs hello-world ${g.helloWorld.requestsPerSecond} req/s = ${g.ratio}x (goal >= ${GOALS.getVsHelloWorld}: ${verdict(g.ratio >= GOALS.getVsHelloWorld)}); round by round ${g.ratioByRound.join(', ')}`,
      `            server CPU per request ${g.getPhoneNumber.serverCpuMicrosPerRequest} µs vs ${g.helloWorld.serverCpuMicrosPerRequest} µs = ${g.serverCpuRatio}x`,
      `            the required work alone on a bare route (SigV4 + two SQLite reads) ${g.minimalRoute.requestsPerSecond} req/s = ${g.minimalRouteRatio}x hello-world, ${g.minimalRoute.serverCpuMicrosPerRequest} µs/request`,
      `            the same response from a bare route (no SigV4, no database) ${g.sameResponseBare.requestsPerSecond} req/s = ${g.sameResponseBareRatio}x hello-world, ${g.sameResponseBare.serverCpuMicrosPerRequest} µs/request`,
      `            GetPhoneNumber µs/request by phase: ${phaseLine(g.getPhoneNumber.serverCpuMicrosByPhase)}`,
      `            hello-world µs/request by phase: ${phaseLine(g.helloWorld.serverCpuMicrosByPhase)}`,
      `  list      HTTP median ${l.http.medianMs} ms (in the server ${l.server.medianMs} ms), service ${l.service.medianMs} ms, raw SQL ${l.rawSql.medianMs} ms = ${l.httpOverRawSql}x (goal <= ${GOALS.listVsRawSql}: ${verdict(l.httpOverRawSql <= GOALS.listVsRawSql)})`,
      `            CPU per page: server ${l.server.cpuMsPerRequest} ms vs raw SQL ${l.rawSql.cpuMsPerRun} ms = ${l.serverCpuOverRawSqlCpu}x`,
      `            server ms/page by phase: ${phaseLine(l.server.cpuMsByPhase)}`,
      `  memory    RSS empty ${m.emptyDatabaseAtStart.rssMB} MB, 1M at start ${m.loadedDatabaseAtStart.rssMB} MB (${m.atStartOverEmpty}x), after load ${m.loadedDatabaseAfterLoad.rssMB} MB (${m.afterLoadOverEmpty}x) (goal <= ${GOALS.rssVsEmpty}: ${verdict(Math.max(m.atStartOverEmpty, m.afterLoadOverEmpty) <= GOALS.rssVsEmpty)})`,
      '',
    ].join('\n'),
  );
}

try {
  await main();
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
