// A real `numberyard serve` in a child process (test/support/serve-process.ts) on a test database,
// so that tests can SIGKILL or SIGTERM it and start it again on the same database.
import { startServeProcess, type ServeProcess } from '../support/serve-process';
import { sdkClients, TEST_REGION, type Credentials } from '../support/test-server';
import type { TestDatabase } from '../support/test-database';

/** The first administrator key, given through the environment so that every restart knows it. */
export const ADMIN: Credentials = { accessKeyId: 'CRASHTESTADMIN0001', secretAccessKey: 'crash-test-secret-0001' };

export type ServerChild = ServeProcess;

/** The environment of `numberyard serve` and of operator commands (doctor, backup) on this database. */
export function serverEnv(database: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NUMBERYARD_DATA_DIR: database.config.dataDir,
    NUMBERYARD_HOST: '127.0.0.1',
    NUMBERYARD_PORT: '0',
    NUMBERYARD_REGION: TEST_REGION,
    NUMBERYARD_LOG_LEVEL: 'warn',
    NUMBERYARD_ACCESS_KEY_ID: ADMIN.accessKeyId,
    NUMBERYARD_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
    NUMBERYARD_JOB_INTERVAL_MS: '3600000',
    // Crash tests drive one key hard on purpose; rate limits have their own test.
    NUMBERYARD_RATE_LIMIT_PER_SECOND: '0',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
  if (database.config.databaseUrl) env.DATABASE_URL = database.config.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/** The environment of a CLI command that talks to the server child over the API. */
export function clientEnv(database: TestDatabase, url: string): NodeJS.ProcessEnv {
  return { ...serverEnv(database), NUMBERYARD_ENDPOINT: url, AWS_ACCESS_KEY_ID: ADMIN.accessKeyId, AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey, AWS_REGION: TEST_REGION };
}

export function startServerChild(database: TestDatabase, extraEnv: Record<string, string> = {}): Promise<ServerChild> {
  return startServeProcess(serverEnv(database, extraEnv));
}

/** SIGKILL, and wait until the process is gone (the database is then as a power cut would leave it). */
export async function killHard(server: ServerChild): Promise<void> {
  server.kill('SIGKILL');
  await server.exited;
}

export function adminClients(url: string) {
  return sdkClients(url, ADMIN);
}
