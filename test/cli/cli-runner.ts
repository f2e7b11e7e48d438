// Runs the real `numberyard` CLI as a child process (node --import tsx src/cli/index.ts …), the way
// an operator's shell would, against a test server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Credentials, TestServer } from '../support/test-server';
import { TEST_REGION } from '../support/test-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/index.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of an operator on the server's host: its settings, and a key for the API. */
export function cliEnv(server: TestServer, credentials: Credentials = server.admin.credentials): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NUMBERYARD_ENDPOINT: server.url,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: TEST_REGION,
    NUMBERYARD_DATA_DIR: server.database.config.dataDir,
    NUMBERYARD_REGION: TEST_REGION,
  };
  if (server.database.config.databaseUrl) env.DATABASE_URL = server.database.config.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (data: Buffer) => {
    stdout += data.toString();
  });
  child.stderr!.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return collect(spawnCli(args, env));
}

/** Runs a --json command that must succeed and returns its parsed output. */
export async function cliJson<T = unknown>(args: readonly string[], env: NodeJS.ProcessEnv): Promise<T> {
  const result = await runCli([...args, '--json'], env);
  if (result.code !== 0) throw new Error(`numberyard ${args.join(' ')} exited ${result.code}: ${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout) as T;
}
