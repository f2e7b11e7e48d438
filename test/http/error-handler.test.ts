// Unknown failures become a logged ServiceFailureException 500 whose body leaks nothing, as in
// fastify/demo's error-handler test: the built app gets extra routes that fail on purpose.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app';
import { createServices } from '../../src/services';
import { systemClock } from '../../src/services/service-context';
import type { DatabaseHandle } from '../../src/storage/database';
import { DIALECTS } from '../support/dialects';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REGION } from '../support/test-server';

const SECRET_MESSAGE = 'connect to postgres://admin:hunter2@10.0.0.7/billing failed; api_key=sk_live_abc123';
const GENERIC = { Code: 'ServiceFailure', Message: 'The service failed to process the request; it has been logged' };

for (const dialect of DIALECTS) {
  describe(`the error handler [${dialect}]`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let app: FastifyInstance;
    let log = '';

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      handle = database.open();
      const services = createServices({ database: handle, clock: systemClock, settings: { region: TEST_REGION, deletionRestoreWindowMs: 0 } });
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          log += chunk.toString('utf8');
          done();
        },
      });
      app = await buildApp({ services, regions: [TEST_REGION], logger: { level: 'error', stream } });
      const open = { config: { auth: 'none' as const } };
      app.get('/test/throws', open, async () => {
        throw new Error(SECRET_MESSAGE);
      });
      app.get('/test/throws-a-string', open, async () => {
        throw SECRET_MESSAGE as unknown as Error;
      });
      app.get('/test/bad-sql', open, async () => {
        await sql`select secret_column from no_such_table_hunter2`.execute(handle.db);
        return {};
      });
      app.get('/test/duplicate-key', open, async () => {
        const now = new Date().toISOString();
        const row = { id: 'org-hunter2', name: 'x', created_at: now, updated_at: now, version: 1 };
        await handle.db.insertInto('organizations').values(row).execute();
        await handle.db.insertInto('organizations').values(row).execute();
        return {};
      });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await handle?.db.destroy();
      await database?.drop();
    });

    function expectNothingLeaked(text: string): void {
      for (const secret of ['hunter2', 'postgres://', 'sk_live', 'no_such_table', 'secret_column', 'organizations', 'stack', '.ts:']) {
        expect(text).not.toContain(secret);
      }
    }

    it('answers a thrown Error with ServiceFailureException and a generic message, and logs it in full', async () => {
      const response = await app.inject({ method: 'GET', url: '/test/throws' });
      expect(response.statusCode).toBe(500);
      expect(response.headers['x-amzn-errortype']).toBe('ServiceFailureException');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-amzn-requestid']).toEqual(expect.any(String));
      expect(response.json()).toEqual(GENERIC);
      expectNothingLeaked(response.body);
      expectNothingLeaked(JSON.stringify(response.headers));
      // The operator still finds out what went wrong, with the request id to match it.
      expect(log).toContain(SECRET_MESSAGE);
      expect(log).toContain(String(response.headers['x-amzn-requestid']));
    });

    it('answers a thrown non-Error the same way', async () => {
      const response = await app.inject({ method: 'GET', url: '/test/throws-a-string' });
      expect(response.statusCode).toBe(500);
      expect(response.headers['x-amzn-errortype']).toBe('ServiceFailureException');
      expect(response.json()).toEqual(GENERIC);
      expectNothingLeaked(response.body);
    });

    it('never shows the SQL or the driver’s message of a failed query', async () => {
      const response = await app.inject({ method: 'GET', url: '/test/bad-sql' });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual(GENERIC);
      expectNothingLeaked(response.body);
    });

    it('turns an unmapped constraint violation into a ConflictException without naming tables or values', async () => {
      const response = await app.inject({ method: 'GET', url: '/test/duplicate-key' });
      expect(response.statusCode).toBe(409);
      expect(response.headers['x-amzn-errortype']).toBe('ConflictException');
      expect(response.json()).toEqual({ Code: 'Conflict', Message: 'The change conflicts with the current state of a related resource' });
      expectNothingLeaked(response.body);
    });

    it('answers an unsigned request for an unknown route as unauthorized, so routes cannot be probed', async () => {
      const response = await app.inject({ method: 'GET', url: '/no-such-operation?x=hunter2' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['x-amzn-errortype']).toBe('UnauthorizedClientException');
      expect(Object.keys(response.json()).sort()).toEqual(['Code', 'Message']);
      expectNothingLeaked(response.body);
    });
  });
}
