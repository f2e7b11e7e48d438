// kill -9 of the server during AssociatePhoneNumbersWithVoiceConnector of 1,000 numbers: one
// transaction, so after a restart either all 1,000 are associated (with their audit events) or none.
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  CreateVoiceConnectorCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { usNumbers } from '../support/inventory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { expectDoctorHealthy, importOwned, withDatabase } from './crash-support';
import { adminClients, killHard, startServerChild, type ServerChild } from './server-child';

const BATCH = usNumbers(1000, 1000);
/** When to kill, as a share of how long one associate of the batch takes: early, middle, late. */
const KILL_AT = [0.35, 0.6, 0.85];

for (const dialect of DIALECTS) {
  describe(`SIGKILL during a batch associate of 1,000 numbers [${dialect}]`, () => {
    let database: TestDatabase;
    let server: ServerChild | undefined;
    let voiceConnectorId: string;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      server?.kill('SIGKILL');
      await server?.exited;
      await database?.drop();
    });

    const associatedState = () =>
      withDatabase(database, async (db) => {
        const associated = await db.selectFrom('phone_numbers').select(sql<number>`count(*)`.as('n')).where('voice_connector_id', '=', voiceConnectorId).executeTakeFirstOrThrow();
        const assigned = await db.selectFrom('phone_numbers').select(sql<number>`count(*)`.as('n')).where('status', '=', 'Assigned').executeTakeFirstOrThrow();
        const audited = await db
          .selectFrom('audit_events')
          .select(sql<number>`count(*)`.as('n'))
          .where('operation', '=', 'AssociatePhoneNumbersWithVoiceConnector')
          .executeTakeFirstOrThrow();
        return { associated: Number(associated.n), assigned: Number(assigned.n), audited: Number(audited.n) };
      });

    it('after a restart finds all 1,000 associated or none, never some, and the doctor finds nothing', { timeout: 300_000 }, async () => {
      server = await startServerChild(database);
      await importOwned(server.url, BATCH, 'VoiceConnector');
      const voice = adminClients(server.url).voice;
      voiceConnectorId = (await voice.send(new CreateVoiceConnectorCommand({ Name: 'trunk', RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!;
      // How long one associate of the whole batch takes here and now, to aim the kills inside it.
      const started = performance.now();
      await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: voiceConnectorId, E164PhoneNumbers: BATCH }));
      const durationMs = performance.now() - started;
      await voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: voiceConnectorId, E164PhoneNumbers: BATCH }));

      let auditedBefore = (await associatedState()).audited;
      const outcomes: string[] = [];
      for (const share of KILL_AT) {
        const client = adminClients(server!.url).voice;
        const request = client.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: voiceConnectorId, E164PhoneNumbers: BATCH })).then(
          () => 'answered',
          () => 'failed',
        );
        await new Promise((resolve) => setTimeout(resolve, share * durationMs));
        await killHard(server!);
        server = undefined;
        const answer = await request;

        server = await startServerChild(database);
        const state = await associatedState();
        expect([0, BATCH.length], `associated after the kill at ${share}`).toContain(state.associated);
        expect(state.assigned).toBe(state.associated);
        // The audit events committed with the change, all or none.
        expect(state.audited - auditedBefore).toBe(state.associated);
        // A batch that was answered must have been committed.
        if (answer === 'answered') expect(state.associated).toBe(BATCH.length);
        outcomes.push(`${share}: ${answer}, ${state.associated} associated`);
        await expectDoctorHealthy(database);

        if (state.associated > 0) {
          await adminClients(server.url).voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: voiceConnectorId, E164PhoneNumbers: BATCH }));
        }
        auditedBefore = (await associatedState()).audited;
      }
      // Both outcomes are consistent; this records which ones the kills produced (visible on failure).
      expect(outcomes).toHaveLength(KILL_AT.length);
    });
  });
}
