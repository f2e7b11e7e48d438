// kill -9 of the server during `numberyard import`: every chunk the CLI reported as applied is there
// after a restart, no chunk is half-applied, and re-running the import completes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, spawnCli } from '../cli/cli-runner';
import { DIALECTS } from '../support/dialects';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { expectDoctorHealthy, pollUntil, withDatabase } from './crash-support';
import { clientEnv, killHard, startServerChild, type ServerChild } from './server-child';

const ROWS = 30_000;
const CHUNK = 500;
/** Each round kills the server once this many more numbers are in (a dozen chunks into new ground). */
const KILL_AFTER = 12 * CHUNK;

/** Valid US numbers in ascending E.164 order: +1503 2xx xxxx. */
const numbers = Array.from({ length: ROWS }, (_, i) => `+1503${200 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, '0')}`);

interface Summary {
  imported: number;
  alreadyPresent: number;
  lastLine: number;
}

for (const dialect of DIALECTS) {
  describe(`SIGKILL during a CSV import through the CLI [${dialect}]`, () => {
    let database: TestDatabase;
    let dir: string;
    let file: string;
    let server: ServerChild | undefined;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-crash-import-'));
      file = path.join(dir, 'numbers.csv');
      fs.writeFileSync(file, `e164,product_type,name\n${numbers.map((e164) => `${e164},VoiceConnector,`).join('\n')}\n`);
    });
    afterAll(async () => {
      server?.kill('SIGKILL');
      await server?.exited;
      await database?.drop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const countNumbers = () =>
      withDatabase(database, async (db) => Number((await db.selectFrom('phone_numbers').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n));

    it('keeps every acknowledged chunk, applies none by half, and completes on re-run', { timeout: 300_000 }, async () => {
      let landedMidImport = 0;
      for (let round = 1; round <= 2; round += 1) {
        server = await startServerChild(database);
        const before = await countNumbers();
        const cli = spawnCli(['import', file, '--chunk-size', String(CHUNK), '--no-progress', '--json'], clientEnv(database, server.url));
        const result = collect(cli);
        // Kill once the import has gone well into new ground, or when the CLI is done (then nothing was interrupted).
        let cliDone = false;
        void result.then(() => (cliDone = true));
        await pollUntil(async () => cliDone || (await countNumbers()) >= before + KILL_AFTER, 120_000);
        await killHard(server);
        server = undefined;
        const { code, stdout, stderr } = await result;

        // What the CLI reported as applied: the summary it prints on failure (nothing when the first chunk failed).
        const summary: Summary = stdout.trim() ? (JSON.parse(stdout) as Summary) : { imported: 0, alreadyPresent: 0, lastLine: 1 };
        const acknowledged = summary.lastLine - 1;
        if (code !== 0) {
          landedMidImport += 1;
          expect(stderr).toMatch(/resume with/i);
        }

        await withDatabase(database, async (db) => {
          const total = Number((await db.selectFrom('phone_numbers').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
          expect(total % CHUNK, `a half-applied chunk: ${total} numbers`).toBe(0);
          expect(total).toBeGreaterThanOrEqual(acknowledged);
          if (acknowledged > 0) {
            // Rows are in file order, so the acknowledged rows are the first `acknowledged` numbers.
            const present = await db.selectFrom('phone_numbers').select(sql<number>`count(*)`.as('n')).where('e164', '<=', numbers[acknowledged - 1]!).executeTakeFirstOrThrow();
            expect(Number(present.n)).toBe(acknowledged);
          }
          // Each number's import audit event committed with it.
          const audited = await db
            .selectFrom('audit_events')
            .select(sql<number>`count(*)`.as('n'))
            .where('operation', '=', 'ImportPhoneNumber')
            .executeTakeFirstOrThrow();
          expect(Number(audited.n)).toBe(total);
        });
        await expectDoctorHealthy(database);
      }
      expect(landedMidImport, 'at least one SIGKILL should have landed mid-import').toBeGreaterThan(0);

      // A last run on a live server finishes the job; numbers already there are reported as such.
      server = await startServerChild(database);
      const before = await countNumbers();
      const { code, stdout, stderr } = await collect(spawnCli(['import', file, '--chunk-size', String(CHUNK), '--no-progress', '--json'], clientEnv(database, server.url)));
      expect(code, stderr).toBe(0);
      const summary = JSON.parse(stdout) as Summary;
      expect(summary.imported).toBe(ROWS - before);
      expect(summary.imported + summary.alreadyPresent).toBe(ROWS);
      expect(await countNumbers()).toBe(ROWS);
      await expectDoctorHealthy(database);
    });
  });
}
