// SIGTERM while a long request is in flight: the server stops accepting connections, answers the
// request in flight (200, fully applied), stops its jobs, closes the database and exits 0 in time.
import net from 'node:net';
import { AssociatePhoneNumbersWithVoiceConnectorCommand, CreateVoiceConnectorCommand } from '@aws-sdk/client-chime-sdk-voice';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { usNumbers } from '../support/inventory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { expectDoctorHealthy, importOwned, pollUntil, withDatabase } from './crash-support';
import { adminClients, startServerChild, type ServerChild } from './server-child';

/** The serve command's own deadline is 15 s; a clean shutdown must come well within it. */
const SHUTDOWN_BOUND_MS = 15_000;

function connectRefused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

for (const dialect of DIALECTS) {
  describe(`graceful shutdown on SIGTERM [${dialect}]`, () => {
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

    it('finishes a 1,000-number associate in flight with 200, refuses new connections and exits 0', { timeout: 120_000 }, async () => {
      // Info logs show when the request has reached the server ("incoming request").
      server = await startServerChild(database, { NUMBERYARD_LOG_LEVEL: 'info' });
      const batch = usNumbers(1000, 5000);
      await importOwned(server.url, batch, 'VoiceConnector');
      const voice = adminClients(server.url).voice;
      const voiceConnectorId = (await voice.send(new CreateVoiceConnectorCommand({ Name: 'trunk', RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!;

      const inFlight = voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: voiceConnectorId, E164PhoneNumbers: batch }));
      await server.waitForOutput(/associate-phone-numbers[^\n]*"msg":"incoming request"/, 30_000);
      const signalledAt = Date.now();
      server.kill('SIGTERM');
      await server.waitForOutput(/"msg":"shutting down"/, 10_000);
      // The listener closes right after the signal, while the request in flight is still being worked on.
      const refused = await pollUntil(() => connectRefused(server!.url), 5_000, 20);
      const answer = await inFlight.catch((error: unknown) => {
        throw new Error(`the request in flight failed (${String(error)}); the server printed:\n${server!.output()}`);
      });
      expect(refused, 'a new connection after SIGTERM is refused').toBe(true);
      expect(answer.$metadata.httpStatusCode).toBe(200);
      expect(answer.PhoneNumberErrors).toEqual([]);
      const { code, signal } = await server.exited;
      expect({ code, signal }, server.output()).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(SHUTDOWN_BOUND_MS);
      server = undefined;

      const associated = await withDatabase(database, (db) =>
        db.selectFrom('phone_numbers').select(sql<number>`count(*)`.as('n')).where('voice_connector_id', '=', voiceConnectorId).executeTakeFirstOrThrow(),
      );
      expect(Number(associated.n)).toBe(batch.length);
      await expectDoctorHealthy(database);
    });
  });
}
