// The Voice Connector association benchmark (not part of `npm test`):
//   npx tsx bench/voice-connector-associate.bench.ts
// On a fresh SQLite database holding 1,000,000 numbers, each round takes 1,000 numbers spread over the
// inventory and times, through the real server and the AWS SDK client:
//   1. AssociatePhoneNumbersWithVoiceConnector of the 1,000 (Unassigned -> connector), one call;
//   2. AssociatePhoneNumbersWithVoiceConnectorGroup with ForceAssociate of the same 1,000 (connector -> group);
// and next to them, in the same run, the baseline:
//   3. a raw better-sqlite3 prepared UPDATE of the same 1,000 rows in one transaction, setting the
//      same columns the association sets (no read, no rules, no audit, no HTTP).
// Prints the JSON report on stdout (rates in numbers/s and the ratios to the raw UPDATE).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  ChimeSDKVoiceClient,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  GetPhoneNumberCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import BetterSqlite3 from 'better-sqlite3';
import { BATCH_MAX_ITEMS } from '../src/contract/limits';
import { startServer } from '../src/server';
import { INVENTORY_SIZE, benchNumber } from './support/numbers';
import { progress, round, summarize } from './support/stats';

const REGION = 'us-east-1';
const GOAL = 0.2;
/** Measured rounds, each on its own 1,000 numbers, after one warm-up round that is not counted. */
const ROUNDS = 7;
const LOAD_CHUNK = 50_000;

const COLUMNS = [
  'e164', 'organization_id', 'country', 'number_type', 'area_code', 'product_type', 'status', 'calling_name', 'calling_name_status',
  'name', 'order_id', 'user_id', 'account_id', 'voice_connector_id', 'voice_connector_group_id', 'sip_rule_id', 'associated_at',
  'created_at', 'updated_at', 'deleted_at', 'version',
] as const;

function openRaw(databasePath: string): BetterSqlite3.Database {
  // The pragmas openDatabase sets, so that both connections write the same way.
  const sqlite = new BetterSqlite3(databasePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

/** Every number of the benchmark inventory as a Voice Connector number of `organizationId`, in large transactions. */
function loadInventory(sqlite: BetterSqlite3.Database, organizationId: string): number {
  const now = new Date().toISOString();
  const insert = sqlite.prepare(`insert into phone_numbers (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
  const insertChunk = sqlite.transaction((first: number, last: number) => {
    for (let i = first; i < last; i += 1) {
      const n = benchNumber(i);
      insert.run(n.e164, organizationId, 'US', 'Local', n.areaCode, 'VoiceConnector', 'Unassigned', null, 'Unassigned', null, null, null, null, null, null, null, null, now, now, null, 1);
    }
  });
  const startedAt = process.hrtime.bigint();
  for (let first = 0; first < INVENTORY_SIZE; first += LOAD_CHUNK) {
    insertChunk(first, Math.min(first + LOAD_CHUNK, INVENTORY_SIZE));
    if ((first + LOAD_CHUNK) % 250_000 === 0) progress(`loaded ${first + LOAD_CHUNK} numbers`);
  }
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

/** The 1,000 numbers of round `k`: spread evenly over the inventory, disjoint from every other round's. */
function roundNumbers(k: number): string[] {
  const step = Math.floor(INVENTORY_SIZE / BATCH_MAX_ITEMS);
  return Array.from({ length: BATCH_MAX_ITEMS }, (_, j) => benchNumber(j * step + k).e164);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const startedAt = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - startedAt) / 1e6, result };
}

function rate(ms: number): number {
  return Math.round((BATCH_MAX_ITEMS / ms) * 1000);
}

async function main() {
  const startedAt = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-vc-bench-'));
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: workDir,
      databaseUrl: undefined,
      logLevel: 'silent',
      region: REGION,
      bootstrapAccessKeyId: undefined,
      bootstrapSecretAccessKey: undefined,
      deletionRestoreWindowMs: 7 * 86_400_000,
      jobIntervalMs: 3_600_000,
    },
    { logger: false },
  );
  const raw = openRaw(path.join(workDir, 'numberyard.db'));
  try {
    const key = (await server.services.organizations.bootstrapAdministrator())!;
    const organizationId = key.OrganizationId;
    progress(`loading ${INVENTORY_SIZE} numbers with a raw prepared INSERT, ${LOAD_CHUNK} per transaction`);
    const loadSeconds = loadInventory(raw, organizationId);
    raw.pragma('wal_checkpoint(TRUNCATE)');

    const client = new ChimeSDKVoiceClient({
      endpoint: server.url,
      region: REGION,
      credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey },
      maxAttempts: 1,
    });
    const connectorId = (await client.send(new CreateVoiceConnectorCommand({ Name: 'bench connector', RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!;
    const groupId = (await client.send(new CreateVoiceConnectorGroupCommand({ Name: 'bench group', VoiceConnectorItems: [{ VoiceConnectorId: connectorId, Priority: 1 }] })))
      .VoiceConnectorGroup!.VoiceConnectorGroupId!;

    // The same change the association makes to a row, as one prepared statement run per number.
    const rawUpdate = raw.prepare(
      `update phone_numbers set voice_connector_id = ?, voice_connector_group_id = null, user_id = null, account_id = null, sip_rule_id = null,
         status = 'Assigned', associated_at = ?, updated_at = ?, version = version + 1 where e164 = ? and organization_id = ?`,
    );
    const rawMove = raw.transaction((numbers: readonly string[], now: string) => {
      let changed = 0;
      for (const e164 of numbers) changed += rawUpdate.run(connectorId, now, now, e164, organizationId).changes;
      return changed;
    });

    const samples = { associate: [] as number[], forceAssociate: [] as number[], rawUpdate: [] as number[] };
    for (let k = 0; k <= ROUNDS; k += 1) {
      const numbers = roundNumbers(k);
      const associate = await timed(() => client.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connectorId, E164PhoneNumbers: numbers })));
      const force = await timed(() =>
        client.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: groupId, E164PhoneNumbers: numbers, ForceAssociate: true })),
      );
      const update = await timed(() => rawMove(numbers, new Date().toISOString()));
      const failed = associate.result.PhoneNumberErrors!.length + force.result.PhoneNumberErrors!.length;
      if (failed > 0 || update.result !== numbers.length) {
        throw new Error(`round ${k}: ${failed} per-number errors, raw UPDATE changed ${update.result} rows`);
      }
      if (k === 0) continue; // warm-up
      samples.associate.push(associate.ms);
      samples.forceAssociate.push(force.ms);
      samples.rawUpdate.push(update.ms);
      progress(`round ${k}: associate ${round(associate.ms, 1)} ms, force ${round(force.ms, 1)} ms, raw ${round(update.ms, 1)} ms`);
    }
    // The raw UPDATE of the last round put its numbers back on the connector: the API must show it.
    const check = await client.send(new GetPhoneNumberCommand({ PhoneNumberId: roundNumbers(ROUNDS)[0] }));
    if (check.PhoneNumber?.Associations?.[0]?.Value !== connectorId) throw new Error('the raw UPDATE did not change what the API shows');

    const associate = summarize(samples.associate);
    const forceAssociate = summarize(samples.forceAssociate);
    const rawUpdateFigures = summarize(samples.rawUpdate);
    const report = {
      benchmark: 'voice-connector-associate',
      dialect: 'sqlite',
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' },
      inventory: { numbers: INVENTORY_SIZE, loadSeconds: round(loadSeconds, 1), loadRowsPerSecond: Math.round(INVENTORY_SIZE / loadSeconds) },
      method: `${ROUNDS} rounds after 1 warm-up, each on its own ${BATCH_MAX_ITEMS} numbers spread over the inventory; server and SDK client in this process; medians`,
      associate: { ...associate, numbersPerSecond: rate(associate.medianMs) },
      forceAssociateToGroup: { ...forceAssociate, numbersPerSecond: rate(forceAssociate.medianMs) },
      rawUpdate: {
        what: 'better-sqlite3 prepared UPDATE by e164 of the same rows, one transaction, no read/rules/audit/HTTP',
        ...rawUpdateFigures,
        numbersPerSecond: rate(rawUpdateFigures.medianMs),
      },
      ratios: {
        associateVsRaw: round(rawUpdateFigures.medianMs / associate.medianMs, 3),
        forceAssociateVsRaw: round(rawUpdateFigures.medianMs / forceAssociate.medianMs, 3),
        goal: `>= ${GOAL}`,
      },
      seconds: round((Date.now() - startedAt) / 1000, 1),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const met = report.ratios.associateVsRaw >= GOAL && report.ratios.forceAssociateVsRaw >= GOAL;
    progress(`associate ${report.associate.numbersPerSecond}/s, force ${report.forceAssociateToGroup.numbersPerSecond}/s, raw ${report.rawUpdate.numbersPerSecond}/s: ${met ? 'goal met' : 'GOAL MISSED'}`);
  } finally {
    raw.close();
    await server.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
