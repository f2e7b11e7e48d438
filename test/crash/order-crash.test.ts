// kill -9 of the server around an order: after CreatePhoneNumberOrder answered (before its completion
// job), while it is being created, and while the completion job may be running. After a restart the
// order completes, and every number is exactly once either in the pool or in the inventory.
import { CreatePhoneNumberOrderCommand, GetPhoneNumberOrderCommand } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import { DIALECTS } from '../support/dialects';
import { usNumbers } from '../support/inventory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REGION } from '../support/test-server';
import { expectDoctorHealthy, pollUntil, withDatabase } from './crash-support';
import { ADMIN, adminClients, killHard, startServerChild, type ServerChild } from './server-child';

const POOL = usNumbers(300, 3000);
const ORDER_SIZE = 100;
/** Jobs that run at once after a restart, so the test sees the order picked up. */
const EAGER_JOBS = { NUMBERYARD_JOB_INTERVAL_MS: '100' };

for (const dialect of DIALECTS) {
  describe(`SIGKILL around a phone number order [${dialect}]`, () => {
    let database: TestDatabase;
    let server: ServerChild | undefined;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      server?.kill('SIGKILL');
      await server?.exited;
      await database?.drop();
    });

    /** Each pool number is in exactly one place: still available, or in the inventory (never both, never neither). */
    async function expectEveryNumberOnce(): Promise<{ inPool: Set<string>; inInventory: Set<string> }> {
      return withDatabase(database, async (db) => {
        const inPool = new Set((await db.selectFrom('available_numbers').select('e164').execute()).map((row) => row.e164));
        const inInventory = new Set((await db.selectFrom('phone_numbers').select('e164').execute()).map((row) => row.e164));
        for (const e164 of POOL) expect(Number(inPool.has(e164)) + Number(inInventory.has(e164)), e164).toBe(1);
        expect(inPool.size + inInventory.size).toBe(POOL.length);
        return { inPool, inInventory };
      });
    }

    /** Restarts with eager jobs and waits until no order is Processing; then every ordered number is Unassigned and Acquired. */
    async function restartAndExpectOrdersCompleted(): Promise<void> {
      server = await startServerChild(database, EAGER_JOBS);
      const done = await pollUntil(
        () => withDatabase(database, async (db) => (await db.selectFrom('phone_number_orders').select('id').where('status', '=', 'Processing').execute()).length === 0),
        60_000,
        100,
      );
      expect(done, 'the completion job should take the order after the restart').toBe(true);
      await withDatabase(database, async (db) => {
        const notSettled = await db.selectFrom('phone_numbers').select(['e164', 'status']).where('status', '<>', 'Unassigned').execute();
        expect(notSettled).toEqual([]);
        const orders = await db.selectFrom('phone_number_orders').select(['id', 'status']).execute();
        for (const order of orders) expect(order.status, order.id).toBe('Successful');
        const ordered = await db.selectFrom('ordered_phone_numbers').select(['e164', 'status']).execute();
        for (const number of ordered) expect(number.status, number.e164).toBe('Acquired');
      });
      await expectEveryNumberOnce();
      await expectDoctorHealthy(database);
    }

    it('completes the order after a restart and neither loses nor duplicates a number', { timeout: 300_000 }, async () => {
      server = await startServerChild(database);
      const pool = await signedFetch({ endpoint: server.url, region: TEST_REGION, credentials: ADMIN }, 'POST', '/admin/available-numbers?operation=import', {
        PhoneNumbers: POOL.map((E164PhoneNumber) => ({ E164PhoneNumber })),
      });
      expect(pool.status).toBe(200);

      // 1. Killed after the order was answered (Processing) and before its completion job ran.
      const started = performance.now();
      const first = await adminClients(server.url).voice.send(new CreatePhoneNumberOrderCommand({ ProductType: 'VoiceConnector', E164PhoneNumbers: POOL.slice(0, ORDER_SIZE) }));
      const createMs = performance.now() - started;
      expect(first.PhoneNumberOrder?.Status).toBe('Processing');
      await killHard(server);
      await restartAndExpectOrdersCompleted();
      const completed = await adminClients(server!.url).voice.send(new GetPhoneNumberOrderCommand({ PhoneNumberOrderId: first.PhoneNumberOrder!.PhoneNumberOrderId! }));
      expect(completed.PhoneNumberOrder?.Status).toBe('Successful');
      await killHard(server!);

      // 2. Killed while the order is being created: it exists whole (and completes) or not at all.
      server = await startServerChild(database);
      const second = POOL.slice(ORDER_SIZE, 2 * ORDER_SIZE);
      const answer = adminClients(server.url)
        .voice.send(new CreatePhoneNumberOrderCommand({ ProductType: 'VoiceConnector', E164PhoneNumbers: second }))
        .then(
          () => 'answered',
          () => 'failed',
        );
      await new Promise((resolve) => setTimeout(resolve, createMs / 2));
      await killHard(server);
      const secondAnswer = await answer;
      const afterKill = await expectEveryNumberOnce();
      const taken = second.filter((e164) => afterKill.inInventory.has(e164)).length;
      expect([0, ORDER_SIZE], `numbers of the interrupted order taken from the pool (${secondAnswer})`).toContain(taken);
      if (secondAnswer === 'answered') expect(taken).toBe(ORDER_SIZE);
      await restartAndExpectOrdersCompleted();
      await killHard(server!);

      // 3. Jobs running constantly: the kill may land inside the completion transaction.
      server = await startServerChild(database, { NUMBERYARD_JOB_INTERVAL_MS: '10' });
      const third = await adminClients(server.url).voice.send(
        new CreatePhoneNumberOrderCommand({ ProductType: 'VoiceConnector', E164PhoneNumbers: POOL.slice(2 * ORDER_SIZE, 3 * ORDER_SIZE) }),
      );
      expect(third.PhoneNumberOrder?.Status).toBe('Processing');
      await killHard(server);
      await restartAndExpectOrdersCompleted();
    });
  });
}
