// A real `numberyard serve` in a child process (node --import tsx src/cli/index.ts serve, as an
// operator runs it), so that tests can SIGKILL or SIGTERM it and start it again on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sdkClients, TEST_REGION, type Credentials } from '../support/test-server';
import type { TestDatabase } from '../support/test-database';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/index.ts');

/** The first administrator key, given through the environment so that every restart knows it. */
export const ADMIN: Credentials = { accessKeyId: 'CRASHTESTADMIN0001', secretAccessKey: 'crash-test-secret-0001' };

export interface ServerChild {
  url: string;
  process: ChildProcess;
  /** Everything the server printed (its JSON log lines included). */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

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

export async function startServerChild(database: TestDatabase, extraEnv: Record<string, string> = {}): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], { cwd: ROOT, env: serverEnv(database, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (data: Buffer) => {
    output += data.toString();
    for (const waiter of waiters) waiter();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const waitForOutput = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return false;
        done();
        resolve(match[1] ?? match[0]);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the server did not print ${pattern} within ${timeoutMs} ms; it printed:\n${output}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      const waiter = () => void check();
      if (check()) return;
      waiters.add(waiter);
      void exited.then(() => {
        if (waiters.has(waiter) && !check()) {
          done();
          reject(new Error(`the server exited before printing ${pattern}; it printed:\n${output}`));
        }
      });
    });

  const url = await waitForOutput(/numberyard is listening on (http:\/\/\S+)/);
  return {
    url,
    process: child,
    output: () => output,
    waitForOutput,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** SIGKILL, and wait until the process is gone (the database is then as a power cut would leave it). */
export async function killHard(server: ServerChild): Promise<void> {
  server.kill('SIGKILL');
  await server.exited;
}

export function adminClients(url: string) {
  return sdkClients(url, ADMIN);
}
