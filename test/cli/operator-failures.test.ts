// What an operator sees when an operator command (serve, migrate, doctor, orgs, keys …) cannot do its
// job: a message naming what failed (the database, the address to listen on, the setting), the exit
// code the README promises, and nothing created or changed behind their back. No server is needed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, collect, runCli } from './cli-runner';

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

describe('operator commands on a SQLite deployment', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let organizationId: string;
  let accessKeyId: string;

  beforeAll(async () => {
    dataDir = path.join(scratch, 'deployment');
    env = cleanEnv({ NUMBERYARD_DATA_DIR: dataDir });
    expect((await runCli(['migrate'], env)).code).toBe(0);
    organizationId = (await cliJson<{ OrganizationId: string }>(['orgs', 'create', 'Acme'], env)).OrganizationId;
    accessKeyId = (await cliJson<{ AccessKeyId: string }>(['keys', 'create', '--org', organizationId], env)).AccessKeyId;
  });

  it('keys list refuses an unknown organization as keys create does (NotFound)', async () => {
    const [listed, created] = await Promise.all([runCli(['keys', 'list', '--org', 'nope'], env), runCli(['keys', 'create', '--org', 'nope'], env)]);
    expect(created.code).toBe(1);
    expect(created.stderr).toContain('NotFound: Organization nope not found');
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('NotFound: Organization nope not found');
    expect(listed.stdout).not.toContain('(none)');
  });

  it('keys revoke of a key revoked already says since when and leaves its revocation time as it was', async () => {
    expect((await runCli(['keys', 'revoke', accessKeyId], env)).code).toBe(0);
    const revokedAt = (await cliJson<{ AccessKeyId: string; RevokedTimestamp?: string }[]>(['keys', 'list', '--org', organizationId], env))[0]!.RevokedTimestamp;
    expect(revokedAt).toBeDefined();
    const again = await runCli(['keys', 'revoke', accessKeyId], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Access key ${accessKeyId} is already revoked (since ${revokedAt})`);
    expect(again.stderr).not.toContain('not found');
    const after = await cliJson<{ RevokedTimestamp?: string }[]>(['keys', 'list', '--org', organizationId], env);
    expect(after[0]!.RevokedTimestamp).toBe(revokedAt);
    const unknown = await runCli(['keys', 'revoke', 'NYAKUNKNOWN0000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NotFound: Access key NYAKUNKNOWN0000000000 not found');
  });

  it('restore refuses a backup whose rows break a CHECK constraint, and leaves the backup\'s directory as it was', async () => {
    const backups = path.join(scratch, 'backups');
    fs.mkdirSync(backups);
    const backup = path.join(backups, 'broken.db');
    expect((await runCli(['backup', backup], env)).code).toBe(0);
    const raw = new BetterSqlite3(backup);
    raw.pragma('ignore_check_constraints = on');
    const now = new Date().toISOString();
    raw
      .prepare(
        `insert into phone_numbers (e164, organization_id, country, number_type, product_type, status, calling_name_status, created_at, updated_at)
         values ('+12065550100', ?, 'US', 'Local', 'VoiceConnector', 'NoSuchStatus', 'Unassigned', ?, ?)`,
      )
      .run(organizationId, now, now);
    raw.close();
    const listing = fs.readdirSync(backups).sort();
    const bytes = fs.readFileSync(backup);

    const restoredDir = path.join(scratch, 'restored');
    const result = await runCli(['restore', backup], cleanEnv({ NUMBERYARD_DATA_DIR: restoredDir }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${backup} is damaged (integrity check: CHECK constraint failed in phone_numbers`);
    expect(result.stderr).toContain('it was not restored');
    expect(fs.existsSync(path.join(restoredDir, 'numberyard.db'))).toBe(false);
    expect(fs.readdirSync(backups).sort()).toEqual(listing);
    expect(fs.readFileSync(backup).equals(bytes)).toBe(true);
  });

  it('serve with a NUMBERYARD_MASTER_KEY that does not open the stored secrets is a bad setting (exit code 78), its value never printed', async () => {
    const wrongKey = randomBytes(32).toString('base64');
    const result = await runCli(['serve'], { ...env, NUMBERYARD_MASTER_KEY: wrongKey, NUMBERYARD_PORT: '0' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('NUMBERYARD_MASTER_KEY does not open the secret access keys stored in the database');
    expect(result.stderr).not.toContain('Error: The master key');
    expect(result.stderr + result.stdout).not.toContain(wrongKey);
    expect(result.stderr + result.stdout).not.toContain(fs.readFileSync(path.join(dataDir, 'master.key'), 'utf8').trim());
  });

  it('an operator command with that master key refuses too, before it seals a new key the server could not open', async () => {
    const wrongKey = randomBytes(32).toString('base64');
    const keysBefore = await runCli(['keys', 'list', '--org', organizationId], env);
    const result = await runCli(['keys', 'create', '--org', organizationId], { ...env, NUMBERYARD_MASTER_KEY: wrongKey });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('numberyard cannot use this database');
    expect(result.stderr).toContain('NUMBERYARD_MASTER_KEY does not open the secret access keys stored in the database');
    expect(result.stderr + result.stdout).not.toContain(wrongKey);
    expect((await runCli(['keys', 'list', '--org', organizationId], env)).stdout).toBe(keysBefore.stdout);
  });
});

describe('npm start', () => {
  let npmStart: ChildProcess | undefined;
  // Should the test fail or time out before its SIGTERM, the server must not outlive the run.
  afterAll(() => {
    if (npmStart && npmStart.exitCode === null && npmStart.signalCode === null) npmStart.kill('SIGTERM');
  });

  it('is numberyard serve in one process: SIGTERM to npm shuts the server down gracefully and npm exits 0', async () => {
    const dataDir = path.join(scratch, 'npm-start');
    const child = (npmStart = spawn('npm', ['start'], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      env: cleanEnv({ NUMBERYARD_DATA_DIR: dataDir, NUMBERYARD_PORT: '0', NUMBERYARD_LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }));
    const done = collect(child);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (data: Buffer) => {
        seen += data.toString();
        // The server's own pid comes with its JSON log lines (written apart from the plain text).
        if (seen.includes('Console:') && /"pid":\d+/.test(seen)) resolve();
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
