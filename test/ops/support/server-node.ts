// A numberyard node as operators run it: `numberyard serve` in its own process, configured by the
// environment. Tests of several nodes and of outages need real processes: a node must be able to
// die, or survive, on its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Credentials } from '../../support/test-server';
import { freePort } from './free-port';

const CLI = fileURLToPath(new URL('../../../bin/numberyard.mjs', import.meta.url));

export interface ServerNode {
  url: string;
  process: ChildProcess;
  /** Set once the process has exited (it never should while a test runs). */
  exitCode(): number | null | undefined;
  /** What the node wrote to stdout and stderr, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface NodeOptions {
  databaseUrl: string;
  admin: Credentials;
  jobIntervalMs?: number;
  /** How long to wait for "listening" (a node that must migrate a fresh database takes a few seconds). */
  startTimeoutMs?: number;
  /** More settings, e.g. NUMBERYARD_DELETION_RESTORE_DAYS. */
  env?: Record<string, string>;
}

export async function startServerNode(options: NodeOptions): Promise<ServerNode> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-node-'));
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NUMBERYARD_HOST: '127.0.0.1',
      NUMBERYARD_PORT: String(port),
      NUMBERYARD_DATA_DIR: dataDir,
      NUMBERYARD_LOG_LEVEL: 'error',
      NUMBERYARD_ACCESS_KEY_ID: options.admin.accessKeyId,
      NUMBERYARD_SECRET_ACCESS_KEY: options.admin.secretAccessKey,
      NUMBERYARD_JOB_INTERVAL_MS: String(options.jobIntervalMs ?? 3_600_000),
      // These tests drive one key hard on purpose (outages, races); rate limits have their own test.
      NUMBERYARD_RATE_LIMIT_PER_SECOND: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exitCode: number | null | undefined;
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start in time:\n${output}`)), options.startTimeoutMs ?? 30_000);
    const onData = () => {
      const match = /numberyard is listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`node exited (code ${exitCode}) before listening:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    exitCode: () => exitCode,
    output: () => output,
    async stop() {
      if (exitCode === undefined) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(killer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
