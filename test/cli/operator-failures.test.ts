// What an operator sees when an operator command (serve, migrate, doctor, orgs, keys …) cannot do its
// job: a message naming what failed (the database, the address to listen on, the setting), the exit
// code the README promises, and nothing created or changed behind their back. No server is needed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, runCli } from './cli-runner';

/** The environment without any numberyard setting of the test run's own. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NUMBERYARD_LOG_LEVEL: 'silent' };
  for (const name of Object.keys(env)) {
    if ((name.startsWith('NUMBERYARD_') && name !== 'NUMBERYARD_LOG_LEVEL') || name === 'DATABASE_URL' || name.startsWith('AWS_')) delete env[name];
  }
  return { ...env, ...extra };
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-operator-failures-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('operator commands that cannot reach their database or address', () => {
  it('name the PostgreSQL database they cannot reach (never its password), not the HTTP endpoint', async () => {
    const env = cleanEnv({ DATABASE_URL: 'postgres://postgres:s3cret-pw@127.0.0.1:1/inventory', NUMBERYARD_PORT: '0' });
    const commands = [['serve'], ['migrate'], ['doctor'], ['orgs', 'list'], ['keys', 'list', '--org', 'x']];
    const results = await Promise.all(commands.map((args) => runCli(args, env)));
    for (const [index, result] of results.entries()) {
      const label = commands[index]!.join(' ');
      expect(result.code, label).toBe(1);
      expect(result.stderr, label).toContain('Cannot connect to the PostgreSQL database at 127.0.0.1:1/inventory (ECONNREFUSED)');
      expect(result.stderr, label).not.toContain('Cannot reach numberyard');
      expect(result.stderr + result.stdout, label).not.toContain('s3cret-pw');
    }
  });

  it('serve names the address it cannot listen on', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runCli(['serve'], cleanEnv({ NUMBERYARD_DATA_DIR: path.join(scratch, 'listen'), NUMBERYARD_PORT: String(port) }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(result.stderr).not.toContain('Cannot reach numberyard');
    } finally {
      blocker.close();
    }
  });

  it('lists a NUMBERYARD_HOST that is neither an IP address nor a host name with the other bad settings (exit code 78)', async () => {
    const result = await runCli(['serve'], cleanEnv({ NUMBERYARD_DATA_DIR: path.join(scratch, 'host'), NUMBERYARD_HOST: 'not a host!!', NUMBERYARD_PORT: 'eighty' }));
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('NUMBERYARD_HOST="not a host!!"');
    expect(result.stderr).toContain('NUMBERYARD_PORT');
    expect(result.stderr).not.toContain('Cannot reach numberyard');
  });
});

describe('operator commands run where there is no database', () => {
  it('say there is none and how to point at it, and create nothing (no directory, no file)', async () => {
    const dataDir = path.join(scratch, 'wrong-directory', 'data');
    const env = cleanEnv({ NUMBERYARD_DATA_DIR: dataDir });
    const commands = [['orgs', 'list'], ['orgs', 'create', 'Acme'], ['keys', 'list', '--org', 'x'], ['admin', 'create'], ['doctor'], ['backup', path.join(scratch, 'never.db')]];
    const results = await Promise.all(commands.map((args) => runCli(args, env)));
    for (const [index, result] of results.entries()) {
      const label = commands[index]!.join(' ');
      expect(result.code, label).toBe(78);
      expect(result.stderr, label).toContain(`There is no numberyard database at ${path.join(dataDir, 'numberyard.db')}`);
      expect(result.stderr, label).toContain('NUMBERYARD_DATA_DIR');
      expect(result.stderr, label).not.toContain('numberyard migrate` (or start the server) first');
    }
    expect(fs.existsSync(path.join(scratch, 'wrong-directory'))).toBe(false);
    expect(fs.existsSync(path.join(scratch, 'never.db'))).toBe(false);
  });
});

describe('npm start', () => {
  it('is numberyard serve in one process: SIGTERM to npm shuts the server down gracefully and npm exits 0', async () => {
    const dataDir = path.join(scratch, 'npm-start');
    const child = spawn('npm', ['start'], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      env: cleanEnv({ NUMBERYARD_DATA_DIR: dataDir, NUMBERYARD_PORT: '0', NUMBERYARD_LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = collect(child);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (data: Buffer) => {
        seen += data.toString();
        if (seen.includes('Console:')) resolve();
      });
    });
    const serverPid = Number(/"pid":(\d+)/.exec(seen)![1]);
    expect(serverPid).not.toBe(child.pid);
    child.kill('SIGTERM');
    const result = await done;
    const output = seen + result.stdout;
    let orphaned = true;
    try {
      process.kill(serverPid, 0);
    } catch {
      orphaned = false;
    }
    // A server left behind as an orphan is ended here, so a failure leaves nothing listening.
    if (orphaned) process.kill(serverPid, 'SIGKILL');
    expect(orphaned).toBe(false);
    expect(output).toContain('"msg":"shutting down"');
    expect(result.code).toBe(0);
  }, 30_000);
});
