import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetPhoneNumberCommand, ListPhoneNumbersCommand } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { createTestDatabase } from '../support/test-database';
import { sdkClients, startTestServer, TEST_REGION, type TestServer } from '../support/test-server';
import { cliEnv, cliJson, collect, runCli, spawnCli } from './cli-runner';

for (const dialect of DIALECTS) {
  describe(`numberyard operator commands [${dialect}]`, () => {
    let server: TestServer;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      env = cliEnv(server);
    });
    afterAll(async () => server?.close());

    it('creates organizations and keys, lists them without secrets, and revokes a key', async () => {
      const organization = await cliJson<{ OrganizationId: string; Name: string }>(['orgs', 'create', 'Acme Telecom'], env);
      const organizations = await cliJson<{ OrganizationId: string }[]>(['orgs', 'list'], env);
      expect(organizations.map((o) => o.OrganizationId)).toContain(organization.OrganizationId);

      const created = await runCli(['keys', 'create', '--org', organization.OrganizationId, '--description', 'ops'], env);
      expect(created.code).toBe(0);
      const id = /AWS_ACCESS_KEY_ID=(\S+)/.exec(created.stdout)![1]!;
      const secret = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(created.stdout)![1]!;
      expect(created.stdout).toContain('shown once');
      const keyClient = sdkClients(server.url, { accessKeyId: id, secretAccessKey: secret }).voice;
      expect((await keyClient.send(new ListPhoneNumbersCommand({}))).PhoneNumbers).toEqual([]);

      const listed = await cliJson<{ AccessKeyId: string; Description?: string }[]>(['keys', 'list', '--org', organization.OrganizationId], env);
      expect(listed).toEqual([expect.objectContaining({ AccessKeyId: id, Description: 'ops', IsAdmin: false })]);
      expect(JSON.stringify(listed)).not.toContain(secret);

      await cliJson(['keys', 'revoke', id], env);
      const refused = await runCli(['numbers', 'list'], cliEnv(server, { accessKeyId: id, secretAccessKey: secret }));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('UnauthorizedClientException');
      const revokedAgain = await runCli(['keys', 'revoke', id], env);
      expect(revokedAgain.code).toBe(1);
      expect(revokedAgain.stderr).toContain(`Conflict: Access key ${id} is already revoked (since `);

      const admin = await cliJson<{ IsAdmin: boolean; OrganizationId: string; ConsoleUrl: string }>(['admin', 'create'], env);
      expect(admin).toMatchObject({ IsAdmin: true, OrganizationId: server.admin.organizationId, ConsoleUrl: expect.stringMatching(/\/console\/$/) });
    });

    it('refuses to start with bad settings (exit code 78) and lists every bad one', async () => {
      const result = await runCli(['keys', 'list', '--org', 'x'], { ...env, NUMBERYARD_PORT: 'eighty', NUMBERYARD_LOG_LEVEL: 'loud' });
      expect(result.code).toBe(78);
      expect(result.stderr).toContain('NUMBERYARD_PORT');
      expect(result.stderr).toContain('NUMBERYARD_LOG_LEVEL');
    });

    it('migrates a database that is already current without changing it', async () => {
      expect(await cliJson<{ applied: string[] }>(['migrate'], env)).toMatchObject({ database: dialect, applied: [] });
    });

    if (dialect === 'postgres') {
      it('points PostgreSQL deployments to pg_dump for backups', async () => {
        const result = await runCli(['backup', path.join(os.tmpdir(), 'never.db')], env);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('pg_dump');
      });
      return;
    }

    it('backs up while the server runs and writes, and restores the backup into a stopped deployment', async () => {
      const numbers = usNumbers(50, 500);
      await importNumbers(server, numbers, 'VoiceConnector');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-backup-'));
      const backup = path.join(dir, 'backup.db');
      // Writes go on while the backup runs: the backup is a consistent snapshot all the same.
      const writing = importNumbers(server, usNumbers(500, 2000), 'SipMediaApplicationDialIn');
      const made = await cliJson<{ bytes: number }>(['backup', backup], env);
      await writing;
      expect(made.bytes).toBeGreaterThan(0);
      const again = await runCli(['backup', backup], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('--force');

      // The running server's database is in use: restore refuses.
      const refused = await runCli(['restore', backup], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is in use');

      // A deployment that is not running takes the backup, and a server started on it has the numbers.
      const restoredDir = path.join(dir, 'restored');
      const restored = await runCli(['restore', backup, '--json'], { ...env, NUMBERYARD_DATA_DIR: restoredDir });
      expect(restored.code).toBe(0);
      // A backup holds sealed secrets only: the restored deployment needs the same master key.
      fs.copyFileSync(path.join(server.database.config.dataDir, 'master.key'), path.join(restoredDir, 'master.key'));
      const revived = await startServer(
        {
          host: '127.0.0.1',
          port: 0,
          dataDir: restoredDir,
          databaseUrl: undefined,
          logLevel: 'silent',
          region: TEST_REGION,
          bootstrapAccessKeyId: undefined,
          bootstrapSecretAccessKey: undefined,
          deletionRestoreWindowMs: 86_400_000,
          jobIntervalMs: 3_600_000,
        },
        { logger: false },
      );
      try {
        const { voice } = sdkClients(revived.url, server.admin.credentials);
        const { PhoneNumber } = await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: numbers[49] }));
        expect(PhoneNumber).toMatchObject({ E164PhoneNumber: numbers[49], ProductType: 'VoiceConnector' });
      } finally {
        await revived.close();
      }

      const notABackup = path.join(os.tmpdir(), `not-a-backup-${process.pid}.db`);
      fs.writeFileSync(notABackup, 'hello');
      const rejected = await runCli(['restore', notABackup], { ...env, NUMBERYARD_DATA_DIR: restoredDir });
      fs.rmSync(notABackup);
      fs.rmSync(dir, { recursive: true, force: true });
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain('not a SQLite database');
    });
  });

  describe(`first run of numberyard serve [${dialect}]`, () => {
    it('prints the console URL and the first administrator credentials once, and stops on SIGTERM', async () => {
      const database = await createTestDatabase(dialect);
      const env: NodeJS.ProcessEnv = { ...process.env, NUMBERYARD_DATA_DIR: database.config.dataDir, NUMBERYARD_PORT: '0', NUMBERYARD_LOG_LEVEL: 'silent' };
      if (database.config.databaseUrl) env.DATABASE_URL = database.config.databaseUrl;
      else delete env.DATABASE_URL;
      try {
        const start = async () => {
          const child = spawnCli(['serve'], env);
          const done = collect(child);
          let seen = '';
          await new Promise<void>((resolve) => {
            child.stdout!.on('data', (data: Buffer) => {
              seen += data.toString();
              if (seen.includes('Console:')) resolve();
            });
          });
          child.kill('SIGTERM');
          const result = await done;
          return { ...result, stdout: seen + result.stdout };
        };
        const first = await start();
        expect(first.code).toBe(0);
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(first.stdout)![1];
        expect(first.stdout).toContain(`Console: ${url}/console/`);
        const id = /AWS_ACCESS_KEY_ID=(\S+)/.exec(first.stdout)?.[1];
        const secret = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(first.stdout)?.[1];
        expect(id).toMatch(/^NYAK/);
        expect(secret).toHaveLength(40);

        const second = await start();
        expect(second.code).toBe(0);
        expect(second.stdout).not.toContain('AWS_SECRET_ACCESS_KEY');
      } finally {
        await database.drop();
      }
    });
  });
}
