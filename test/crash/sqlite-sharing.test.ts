// SQLite in WAL mode with a busy timeout: operator commands (backup, doctor) open the
// server's database file while the server keeps writing, and neither side fails or sees a torn state.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import { runCli } from '../cli/cli-runner';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REGION } from '../support/test-server';
import { expectDoctorHealthy, withDatabase } from './crash-support';
import { ADMIN, serverEnv, startServerChild, type ServerChild } from './server-child';

const CHUNK = 200;
const chunkOf = (k: number) => Array.from({ length: CHUNK }, (_, i) => `+1971${200 + Math.floor((k * CHUNK + i) / 10_000)}${String((k * CHUNK + i) % 10_000).padStart(4, '0')}`);

describe('the CLI and a writing server share one SQLite file (WAL, busy timeout)', () => {
  let database: TestDatabase;
  let server: ServerChild | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    await database?.drop();
  });

  it('backs up and checks beside a server that imports without pause', { timeout: 180_000 }, async () => {
    server = await startServerChild(database);
    const url = server.url;
    const env = serverEnv(database);

    // The server writes continuously (one import transaction after another) until the CLI work is done.
    let writing = true;
    let chunks = 0;
    const failures: string[] = [];
    let busyAnswers = 0;
    const writer = (async () => {
      while (writing && chunks < 250 && busyAnswers < 50) {
        const response = await signedFetch({ endpoint: url, region: TEST_REGION, credentials: ADMIN }, 'POST', '/admin/phone-numbers?operation=import', {
          PhoneNumbers: chunkOf(chunks).map((E164PhoneNumber) => ({ E164PhoneNumber, ProductType: 'VoiceConnector' })),
        });
        // A retryable 503 (SQLite busy) changed nothing; retry it as the AWS SDK clients do. Anything else is a failure.
        if (response.status === 503) {
          busyAnswers += 1;
          continue;
        }
        if (response.status !== 200) failures.push(`${response.status} ${JSON.stringify(response.body)}`);
        chunks += 1;
      }
    })();

    const backupFile = path.join(database.config.dataDir, 'backup.db');
    const [backup, doctor] = await Promise.all([runCli(['backup', backupFile, '--json'], env), runCli(['doctor', '--json'], env)]);
    writing = false;
    await writer;

    expect(failures).toEqual([]);
    // Transactions take the write lock at BEGIN (sqlite-immediate-transactions.ts), so the server waits
    // out the CLI's locks within its busy timeout instead of answering busy.
    expect(busyAnswers).toBe(0);
    expect(backup.code, backup.stderr).toBe(0);
    expect(doctor.code, doctor.stderr + doctor.stdout.slice(0, 2000)).toBe(0);
    expect(chunks).toBeGreaterThan(0);

    // The backup is a sound database holding whole import transactions only.
    const copy = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (copy.prepare('select count(*) as n from phone_numbers').get() as { n: number }).n;
      const audited = (copy.prepare("select count(*) as n from audit_events where operation = 'ImportPhoneNumber'").get() as { n: number }).n;
      expect(count % CHUNK).toBe(0);
      expect(audited).toBe(count);
    } finally {
      copy.close();
    }
    expect(fs.existsSync(`${path.join(database.config.dataDir, 'numberyard.db')}-wal`)).toBe(true);
    await expectDoctorHealthy(database);
    const count = await withDatabase(database, async (db) => (await db.selectFrom('phone_numbers').select('e164').execute()).length);
    expect(count).toBe(chunks * CHUNK);
  });
});
