import { ListPhoneNumbersCommand } from '@aws-sdk/client-chime-sdk-voice';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { MASTER_KEY_FILE } from '../../src/services/secret-box';
import { cliEnv, cliJson, runCli } from '../cli/cli-runner';
import { DIALECTS } from '../support/dialects';
import { sdkClients, startTestServer, type TestServer } from '../support/test-server';

describe('master key settings', () => {
  it('accepts a base64 key of 32 bytes and refuses anything else, listing it with the other bad settings', () => {
    const key = randomBytes(32);
    expect(loadConfig({ NUMBERYARD_MASTER_KEY: key.toString('base64') }).masterKey?.equals(key)).toBe(true);
    expect(loadConfig({}).masterKey).toBeUndefined();
    for (const bad of [randomBytes(16).toString('base64'), 'not base64 at all!', randomBytes(33).toString('base64')]) {
      try {
        loadConfig({ NUMBERYARD_MASTER_KEY: bad, NUMBERYARD_PORT: 'x' });
        expect.unreachable('a bad master key must refuse to start');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems).toHaveLength(2);
        expect((error as ConfigError).problems.join('\n')).toMatch(/NUMBERYARD_MASTER_KEY/);
        expect((error as ConfigError).message).not.toContain(bad);
      }
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`secret access keys at rest [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    async function storedSecrets(): Promise<Map<string, string>> {
      const handle = server.database.open();
      try {
        const rows = await handle.db.selectFrom('access_keys').select(['access_key_id', 'secret_access_key']).execute();
        return new Map(rows.map((r) => [r.access_key_id, r.secret_access_key]));
      } finally {
        await handle.db.destroy();
      }
    }

    it('stores every secret sealed (v1: AES-256-GCM), never as plaintext, and SigV4 still verifies', async () => {
      const other = await server.newOrganization();
      const stored = await storedSecrets();
      for (const credentials of [server.admin.credentials, other.credentials]) {
        const value = stored.get(credentials.accessKeyId)!;
        expect(value).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
        expect(value).not.toContain(credentials.secretAccessKey);
      }
      await expect(other.voice.send(new ListPhoneNumbersCommand({}))).resolves.toMatchObject({ PhoneNumbers: [] });
    });

    it('keeps the master key in a file of the data directory readable by the owner only', () => {
      const stat = fs.statSync(path.join(server.database.config.dataDir, MASTER_KEY_FILE));
      expect(stat.mode & 0o777).toBe(0o600);
    });

    it('seals plaintext secrets left by earlier versions once at start, and refuses to start with another master key', async () => {
      const legacy = { accessKeyId: `NYAKLEGACY${randomBytes(5).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64') };
      const handle = server.database.open();
      try {
        await handle.db
          .insertInto('access_keys')
          .values({ access_key_id: legacy.accessKeyId, organization_id: server.admin.organizationId, secret_access_key: legacy.secretAccessKey, is_admin: 0, description: null, created_at: new Date().toISOString() })
          .execute();
      } finally {
        await handle.db.destroy();
      }

      const config = testConfig(server);
      const restarted = await startServer(config, { logger: false });
      try {
        const sealed = (await storedSecrets()).get(legacy.accessKeyId)!;
        expect(sealed.startsWith('v1:')).toBe(true);
        expect(sealed).not.toContain(legacy.secretAccessKey);
        // The sealed row verifies on the restarted node and on the node that was already running.
        await expect(sdkClients(restarted.url, legacy).voice.send(new ListPhoneNumbersCommand({}))).resolves.toBeDefined();
        await expect(server.clients(legacy).voice.send(new ListPhoneNumbersCommand({}))).resolves.toBeDefined();
        // Idempotent: a second pass finds nothing left to seal and leaves sealed rows alone.
        expect(await restarted.services.organizations.sealStoredSecrets()).toBe(0);
        expect((await storedSecrets()).get(legacy.accessKeyId)).toBe(sealed);
      } finally {
        await restarted.close();
      }

      await expect(startServer({ ...config, masterKey: randomBytes(32) }, { logger: false })).rejects.toThrow(/master key does not open/);
    });

    it('shows a secret once at creation and never again (CLI keys create / keys list)', async () => {
      const env = cliEnv(server);
      const created = await cliJson<{ AccessKeyId: string; SecretAccessKey: string }>(['keys', 'create', '--org', server.admin.organizationId], env);
      expect(created.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
      await expect(server.clients({ accessKeyId: created.AccessKeyId, secretAccessKey: created.SecretAccessKey }).voice.send(new ListPhoneNumbersCommand({}))).resolves.toBeDefined();
      const listed = await runCli(['keys', 'list', '--org', server.admin.organizationId, '--json'], env);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(created.AccessKeyId);
      expect(listed.stdout).not.toContain(created.SecretAccessKey);
      expect(listed.stdout).not.toMatch(/SecretAccessKey|v1:/);
      const services = server.server.services.organizations;
      expect(JSON.stringify(await services.listAccessKeys(server.admin.organizationId))).not.toMatch(/SecretAccessKey|v1:/);
    });
  });
}

function testConfig(server: TestServer) {
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir: server.database.config.dataDir,
    databaseUrl: server.database.config.databaseUrl,
    logLevel: 'silent' as const,
    region: 'us-east-1',
    bootstrapAccessKeyId: undefined,
    bootstrapSecretAccessKey: undefined,
    deletionRestoreWindowMs: 0,
    jobIntervalMs: 3_600_000,
  };
}
