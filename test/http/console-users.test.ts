import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server';
import { FAILURE_WINDOW_MS, MAX_FAILURES } from '../../src/services/login-throttle';
import { cliEnv, cliJson, collect, runCli } from '../cli/cli-runner';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, TestClock, type TestServer } from '../support/test-server';

const CLI = path.resolve(__dirname, '../../src/cli/index.ts');
const PASSWORD = 'correct horse battery staple';

interface SessionBody {
  OrganizationId: string;
  AccessKeyId: string;
  Username?: string;
  IsAdmin: boolean;
  CsrfToken: string;
}

for (const dialect of DIALECTS) {
  describe(`console users with passwords [${dialect}]`, () => {
    let server: TestServer;
    const clock = new TestClock();
    beforeAll(async () => {
      server = await startTestServer(dialect, { clock });
    });
    afterAll(async () => server?.close());

    const signIn = (body: object, url = server.url) =>
      fetch(`${url}/console/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const cookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('numberyard_session='))!.split(';')[0]!;

    it('creates an administrator with `admin create --username` (password from the environment) who signs in and is the audit actor', async () => {
      const created = await cliJson<Record<string, unknown>>(['admin', 'create', '--username', 'alice'], { ...cliEnv(server), NUMBERYARD_ADMIN_PASSWORD: PASSWORD });
      expect(created).toMatchObject({ Username: 'alice', OrganizationId: server.admin.organizationId, IsAdmin: true });
      expect(JSON.stringify(created)).not.toContain(PASSWORD);

      const response = await signIn({ Username: 'alice', Password: PASSWORD });
      expect(response.status).toBe(200);
      const session = (await response.json()) as SessionBody;
      expect(session).toMatchObject({ Username: 'alice', AccessKeyId: 'console-user:alice', OrganizationId: server.admin.organizationId, IsAdmin: true });
      const cookie = cookieOf(response);
      expect((await fetch(`${server.url}/console/api/session`, { headers: { cookie } }).then((r) => r.json())) as SessionBody).toMatchObject({ Username: 'alice' });

      const [number] = usNumbers(1, 310);
      await importNumbers(server, [number!], 'VoiceConnector');
      const url = `${server.url}/phone-numbers/${encodeURIComponent(number!)}`;
      const changed = await fetch(url, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.CsrfToken },
        body: JSON.stringify({ ProductType: 'SipMediaApplicationDialIn' }),
      });
      expect(changed.status).toBe(200);
      const history = (await fetch(`${url}/history`, { headers: { cookie } }).then((r) => r.json())) as { Events: { Actor: string; Operation: string }[] };
      expect(history.Events.map((e) => e.Actor)).toContain('console-user:alice');
    });

    it('reads the password from standard input, never from an argument, and refuses duplicates and short passwords', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'admin', 'create', '--username', 'bob', '--json'], {
        env: { ...cliEnv(server), NUMBERYARD_ADMIN_PASSWORD: '' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdin!.end(`${PASSWORD}\n`);
      const result = await collect(child);
      expect(result.code, result.stderr).toBe(0);
      expect((await signIn({ Username: 'bob', Password: PASSWORD })).status).toBe(200);

      const withFlag = await runCli(['admin', 'create', '--username', 'carol', '--password', PASSWORD], cliEnv(server));
      expect(withFlag.code).not.toBe(0);
      const duplicate = await runCli(['admin', 'create', '--username', 'bob'], { ...cliEnv(server), NUMBERYARD_ADMIN_PASSWORD: PASSWORD });
      expect(duplicate.code).not.toBe(0);
      expect(duplicate.stderr).toMatch(/already exists/);
      const short = await runCli(['admin', 'create', '--username', 'dave'], { ...cliEnv(server), NUMBERYARD_ADMIN_PASSWORD: 'short' });
      expect(short.code).not.toBe(0);
      expect(short.stderr).toMatch(/12 to 1024 characters/);
      expect((await signIn({ Username: 'dave', Password: 'short' })).status).toBe(401);
    });

    it('keeps `admin create` without --username making an access key, and access-key sessions working', async () => {
      const key = await cliJson<{ AccessKeyId: string; SecretAccessKey: string; IsAdmin: boolean }>(['admin', 'create'], cliEnv(server));
      expect(key.IsAdmin).toBe(true);
      const response = await signIn({ AccessKeyId: key.AccessKeyId, SecretAccessKey: key.SecretAccessKey });
      expect(response.status).toBe(200);
      expect(((await response.json()) as SessionBody).Username).toBeUndefined();
    });

    it('refuses wrong passwords and unknown users alike, in about the same time, and bad bodies with 400', async () => {
      await server.server.services.consoleUsers.create({ username: 'erin', password: PASSWORD, organizationId: server.admin.organizationId, isAdmin: false });
      const timed = async (body: object) => {
        const started = performance.now();
        const response = await signIn(body);
        return { status: response.status, type: response.headers.get('x-amzn-errortype'), ms: performance.now() - started, cookies: response.headers.getSetCookie() };
      };
      const median = async (body: object) => {
        const answers = [];
        // Fewer than MAX_FAILURES, so the throttle does not answer instead.
        for (let i = 0; i < 3; i += 1) answers.push(await timed(body));
        for (const answer of answers) expect(answer).toMatchObject({ status: 401, type: 'UnauthorizedClientException', cookies: [] });
        return answers.map((a) => a.ms).sort((a, b) => a - b)[1]!;
      };
      // Both paths run scrypt (skipping it for unknown users would answer about 30 times faster);
      // medians and a loose bound keep this steady on a busy machine.
      const wrongMs = await median({ Username: 'erin', Password: 'not the password at all' });
      const unknownMs = await median({ Username: 'nobody-here', Password: 'not the password at all' });
      expect(unknownMs).toBeGreaterThan(wrongMs * 0.3);
      // Failures of this test are not meant to throttle erin in the next one.
      expect((await signIn({ Username: 'erin', Password: PASSWORD })).status).toBe(200);
      for (const body of [{}, { Username: 'erin' }, { Username: '', Password: 'x' }, { Username: 5, Password: 'x' }]) {
        expect((await signIn(body)).status).toBe(400);
      }
    });

    it('slows repeated failures down with 429 and Retry-After, per username and on every node, and resets on success', async () => {
      await server.server.services.consoleUsers.create({ username: 'frank', password: PASSWORD, organizationId: server.admin.organizationId, isAdmin: false });
      // Failures below the limit are forgotten after a success.
      for (let i = 0; i < MAX_FAILURES - 1; i += 1) expect((await signIn({ Username: 'frank', Password: 'wrong password!' })).status).toBe(401);
      expect((await signIn({ Username: 'frank', Password: PASSWORD })).status).toBe(200);
      for (let i = 0; i < MAX_FAILURES; i += 1) expect((await signIn({ Username: 'frank', Password: 'wrong password!' })).status).toBe(401);

      const throttled = await signIn({ Username: 'frank', Password: PASSWORD });
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('x-amzn-errortype')).toBe('ThrottledClientException');
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(FAILURE_WINDOW_MS / 1000 - 60);
      expect(throttled.headers.getSetCookie()).toEqual([]);
      // Another user is not slowed down.
      expect((await signIn({ Username: 'erin', Password: PASSWORD })).status).toBe(200);

      // The failures are rows: a second node on the same database refuses too.
      const second: RunningServer = await startServer(
        {
          host: '127.0.0.1',
          port: 0,
          dataDir: server.database.config.dataDir,
          databaseUrl: server.database.config.databaseUrl,
          logLevel: 'silent',
          region: 'us-east-1',
          bootstrapAccessKeyId: undefined,
          bootstrapSecretAccessKey: undefined,
          deletionRestoreWindowMs: 0,
          jobIntervalMs: 3_600_000,
        },
        { clock, logger: false },
      );
      try {
        expect((await signIn({ Username: 'frank', Password: PASSWORD }, second.url)).status).toBe(429);
        // Access keys are counted the same way.
        for (let i = 0; i < MAX_FAILURES; i += 1) {
          expect((await signIn({ AccessKeyId: server.admin.credentials.accessKeyId, SecretAccessKey: 'wrong-secret-wrong-secret' }, second.url)).status).toBe(401);
        }
        expect((await signIn({ AccessKeyId: server.admin.credentials.accessKeyId, SecretAccessKey: server.admin.credentials.secretAccessKey })).status).toBe(429);
      } finally {
        await second.close();
      }

      // Once the window has passed the user may try again.
      clock.advance(FAILURE_WINDOW_MS + 1000);
      expect((await signIn({ Username: 'frank', Password: PASSWORD })).status).toBe(200);
      expect((await signIn({ AccessKeyId: server.admin.credentials.accessKeyId, SecretAccessKey: server.admin.credentials.secretAccessKey })).status).toBe(200);
    });

    it('checks at most the allowed number of guesses when they come all at once', async () => {
      await server.server.services.consoleUsers.create({ username: 'grace', password: PASSWORD, organizationId: server.admin.organizationId, isAdmin: false });
      // Each password check takes a while (scrypt): a burst must not all pass the count before the first failure is recorded.
      const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn({ Username: 'grace', Password: `wrong password ${i}!` }).then((r) => r.status)));
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
      expect(statuses.filter((status) => status === 429).length).toBe(statuses.length - statuses.filter((status) => status === 401).length);
    });
  });
}
