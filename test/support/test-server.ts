import { Writable } from 'node:stream';
import { ChimeClient } from '@aws-sdk/client-chime';
import { ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';
import type { Config } from '../../src/config';
import type { Dialect } from '../../src/storage/database';
import { startServer, type RunningServer } from '../../src/server';
import type { Clock } from '../../src/services/service-context';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_REGION = 'us-east-1';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface TestOrganization {
  organizationId: string;
  credentials: Credentials;
  voice: ChimeSDKVoiceClient;
  chime: ChimeClient;
}

export interface TestServer {
  dialect: Dialect;
  server: RunningServer;
  url: string;
  database: TestDatabase;
  /** The organization of the first administrator key. */
  admin: TestOrganization;
  /** A new organization with an ordinary (non-admin) key, for tenancy tests. */
  newOrganization(name?: string): Promise<TestOrganization>;
  clients(credentials: Credentials): { voice: ChimeSDKVoiceClient; chime: ChimeClient };
  close(): Promise<void>;
}

/** A controllable clock for tests of time windows (deletion queue). */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function sdkClients(url: string, credentials: Credentials) {
  // maxAttempts 1: a test must see the first answer, not a retried one.
  const common = { endpoint: url, region: TEST_REGION, credentials, maxAttempts: 1 };
  return { voice: new ChimeSDKVoiceClient(common), chime: new ChimeClient(common) };
}

/** A log destination for startTestServer's `logger` option, whose text a test can read back. */
export function capturedLog(): { stream: Writable; text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * A real numberyard listening on a free loopback port, on a fresh database of the given dialect.
 * `logger` replaces the default (no logging) with pino options, e.g. a capturedLog() stream.
 */
export async function startTestServer(
  dialect: Dialect,
  options: { clock?: Clock; config?: Partial<Config>; logger?: object } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const config: Config = {
    host: '127.0.0.1',
    port: 0,
    dataDir: database.config.dataDir,
    databaseUrl: database.config.databaseUrl,
    logLevel: 'silent',
    region: TEST_REGION,
    bootstrapAccessKeyId: undefined,
    bootstrapSecretAccessKey: undefined,
    deletionRestoreWindowMs: 7 * 24 * 60 * 60 * 1000,
    jobIntervalMs: 3_600_000,
    ...options.config,
  };
  const server = await startServer(config, { clock: options.clock, logger: options.logger ?? false });
  const firstKey = await server.services.organizations.bootstrapAdministrator();
  if (!firstKey) throw new Error('a fresh test database already had access keys');

  const organizationOf = (organizationId: string, credentials: Credentials): TestOrganization => ({
    organizationId,
    credentials,
    ...sdkClients(server.url, credentials),
  });

  const created: TestOrganization[] = [];
  return {
    dialect,
    server,
    url: server.url,
    database,
    admin: organizationOf(firstKey.OrganizationId, { accessKeyId: firstKey.AccessKeyId, secretAccessKey: firstKey.SecretAccessKey }),
    async newOrganization(name = 'Other organization') {
      const organization = await server.services.organizations.createOrganization(name);
      const key = await server.services.organizations.createAccessKey(organization.OrganizationId, { isAdmin: false });
      const org = organizationOf(organization.OrganizationId, { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey });
      created.push(org);
      return org;
    },
    clients: (credentials) => sdkClients(server.url, credentials),
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
