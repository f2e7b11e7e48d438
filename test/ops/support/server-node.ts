// A numberyard node as operators run it: `numberyard serve` in its own process, configured by the
// environment. Tests of several nodes and of outages need real processes: a node must be able to
// die, or survive, on its own (test/support/serve-process.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import type { Credentials } from '../../support/test-server';
import { freePort } from './free-port';

export interface ServerNode extends ServeProcess {
  /** SIGTERM (SIGKILL after 20 s), then removes the node's data directory. */
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
  const node = await startServeProcess(
    {
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
    options.startTimeoutMs ?? 30_000,
  ).catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...node,
    async stop() {
      if (node.exitCode() === undefined) {
        node.kill('SIGTERM');
        const killer = setTimeout(() => node.kill('SIGKILL'), 20_000);
        await node.exited;
        clearTimeout(killer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
