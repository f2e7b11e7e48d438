// A PostgreSQL cluster of the test's own (initdb into a temp dir, a free loopback port), for tests
// that stop and start the database server: the shared test cluster other files use stays untouched.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

export interface OwnPostgres {
  url: string;
  start(): void;
  /** pg_ctl stop -m immediate: the server dies as if the host lost power (clients see broken connections). */
  stopImmediately(): void;
  destroy(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  return latest ? path.join(root, latest, 'bin') : undefined;
}

/** Why this machine cannot run the test's own PostgreSQL, or undefined when it can. */
export function ownPostgresUnavailable(): string | undefined {
  return binDir() ? undefined : 'PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin/initdb); apt-get install postgresql';
}

const isRoot = process.getuid?.() === 0;

// PostgreSQL refuses to run as root; scripts/start-test-postgres.sh does the same.
function run(bin: string, args: string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  if (!bin) throw new Error(ownPostgresUnavailable());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-own-pg-'));
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  run(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=100 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const pgCtl = path.join(bin, 'pg_ctl');
  const start = () => run(pgCtl, ['-D', dir, '-l', path.join(dir, 'server.log'), '-w', '-o', options, 'start']);
  const stopImmediately = () => run(pgCtl, ['-D', dir, '-m', 'immediate', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stopImmediately,
    destroy() {
      try {
        stopImmediately();
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
