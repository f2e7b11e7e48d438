// Racing requests on one number: of conflicting changes only one wins (or the outcome is that of
// some serial order), the losers get a typed 4xx and never a 500, and the audit log records exactly
// the changes that were made. On SQLite requests serialize on the one connection; on PostgreSQL they
// truly overlap: each comes from its own SDK client (its own socket) and they are sent at once.
import * as Chime from '@aws-sdk/client-chime';
import * as Voice from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductType } from '../../src/contract/enums';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { sdkClients, startTestServer, type TestServer } from '../support/test-server';

type Client = { voice: Voice.ChimeSDKVoiceClient; chime: Chime.ChimeClient };
type Outcome = { ok: true; value: unknown } | { ok: false; error: Voice.ChimeSDKVoiceServiceException | Chime.ChimeServiceException };

interface AuditEvent {
  id: number;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

for (const dialect of DIALECTS) {
  describe(`racing requests on one number [${dialect}]`, () => {
    let server: TestServer;
    let nextNumber = 100;

    /** Fresh numbers for one test, so that tests never depend on each other. */
    async function freshNumbers(count: number, productType: ProductType = 'VoiceConnector'): Promise<string[]> {
      const numbers = usNumbers(count, nextNumber);
      nextNumber += count;
      await importNumbers(server, numbers, productType);
      return numbers;
    }

    /** Sends every request at once, each from a client of its own, and waits for all of them. */
    async function race(requests: ((client: Client) => Promise<unknown>)[]): Promise<Outcome[]> {
      const clients = requests.map(() => server.clients(server.admin.credentials));
      const settled = await Promise.allSettled(requests.map((send, i) => send(clients[i]!)));
      for (const client of clients) {
        client.voice.destroy();
        client.chime.destroy();
      }
      return settled.map((result) => (result.status === 'fulfilled' ? { ok: true, value: result.value } : { ok: false, error: result.reason }));
    }

    /** Losers are refused with one of the expected typed 4xx exceptions, never a 500. */
    function expectTypedLosers(outcomes: Outcome[], allowed: string[]): void {
      for (const outcome of outcomes) {
        if (outcome.ok) continue;
        expect(allowed).toContain(outcome.error.name);
        expect(outcome.error.$metadata.httpStatusCode).toBeGreaterThanOrEqual(400);
        expect(outcome.error.$metadata.httpStatusCode).toBeLessThan(500);
        expect(outcome.error.$fault).toBe('client');
      }
    }

    async function lastAuditId(): Promise<number> {
      const { db } = server.server.database;
      const row = await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      return Number(row?.id ?? 0);
    }

    async function auditEventsOf(e164: string, afterId: number): Promise<AuditEvent[]> {
      const { db } = server.server.database;
      const rows = await db
        .selectFrom('audit_events')
        .select(['id', 'operation', 'before', 'after'])
        .where('resource_type', '=', 'PhoneNumber')
        .where('resource_id', '=', e164)
        .where('id', '>', afterId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ ...row, before: row.before === null ? null : JSON.parse(row.before), after: row.after === null ? null : JSON.parse(row.after) }));
    }

    /**
     * The audit trail of a number is one serial history: each change starts from the state the
     * previous one left, and the number now reads as the last change left it.
     */
    async function expectSerialHistory(e164: string, events: AuditEvent[]): Promise<void> {
      for (let i = 1; i < events.length; i += 1) expect(events[i]!.before).toEqual(events[i - 1]!.after);
      const { PhoneNumber } = await server.admin.voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: e164 }));
      const last = events[events.length - 1]!.after!;
      expect({ ProductType: PhoneNumber?.ProductType, Status: PhoneNumber?.Status, Name: PhoneNumber?.Name }).toEqual({
        ProductType: last.ProductType,
        Status: last.Status,
        Name: last.Name,
      });
    }

    // Names through the voice client, product types through the legacy one (the only one with BusinessCalling).
    const update = (id: string, change: { ProductType: ProductType } | { Name: string }) => (c: Client) =>
      'Name' in change
        ? c.voice.send(new Voice.UpdatePhoneNumberCommand({ PhoneNumberId: id, Name: change.Name }))
        : c.chime.send(new Chime.UpdatePhoneNumberCommand({ PhoneNumberId: id, ProductType: change.ProductType }));
    const remove = (id: string) => (c: Client) => c.chime.send(new Chime.DeletePhoneNumberCommand({ PhoneNumberId: id }));
    const restore = (id: string) => (c: Client) => c.voice.send(new Voice.RestorePhoneNumberCommand({ PhoneNumberId: id }));

    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    it('two product-type changes: each success is one step of a serial history', async () => {
      const [number] = await freshNumbers(1);
      const since = await lastAuditId();
      const outcomes = await race([update(number!, { ProductType: 'SipMediaApplicationDialIn' }), update(number!, { ProductType: 'BusinessCalling' })]);
      expectTypedLosers(outcomes, ['ConflictException']);
      const events = await auditEventsOf(number!, since);
      expect(events).toHaveLength(outcomes.filter((o) => o.ok).length);
      expect(events.length).toBeGreaterThanOrEqual(1);
      await expectSerialHistory(number!, events);
    });

    it('twenty renames: one audit event per success and a serial history', async () => {
      const [number] = await freshNumbers(1);
      const since = await lastAuditId();
      const names = Array.from({ length: 20 }, (_, i) => `name ${i}`);
      const outcomes = await race(names.map((Name) => update(number!, { Name })));
      expectTypedLosers(outcomes, ['ConflictException']);
      const events = await auditEventsOf(number!, since);
      const winners = outcomes.flatMap((o, i) => (o.ok ? [names[i]] : []));
      // SQLite runs one transaction at a time, so every rename applies in turn; on PostgreSQL they
      // overlap, and those that read a version another one changed meanwhile lose.
      if (dialect === 'sqlite') expect(winners).toHaveLength(20);
      else expect(winners.length).toBeLessThan(20);
      expect(winners.length).toBeGreaterThanOrEqual(1);
      expect(events.map((e) => e.after?.Name).sort()).toEqual(winners.sort());
      await expectSerialHistory(number!, events);
    });

    it('delete against delete: exactly one wins', async () => {
      const [number] = await freshNumbers(1);
      const since = await lastAuditId();
      const outcomes = await race([remove(number!), remove(number!)]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expectTypedLosers(outcomes, ['ConflictException']);
      const events = await auditEventsOf(number!, since);
      expect(events.map((e) => e.operation)).toEqual(['DeletePhoneNumber']);
      await expectSerialHistory(number!, events);
    });

    it('twenty deletes of one number: exactly one wins', async () => {
      const [number] = await freshNumbers(1);
      const since = await lastAuditId();
      const outcomes = await race(Array.from({ length: 20 }, () => remove(number!)));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expectTypedLosers(outcomes, ['ConflictException']);
      expect((await auditEventsOf(number!, since)).map((e) => e.operation)).toEqual(['DeletePhoneNumber']);
    });

    it('restore against restore: exactly one wins', async () => {
      const [number] = await freshNumbers(1);
      await server.admin.voice.send(new Voice.DeletePhoneNumberCommand({ PhoneNumberId: number }));
      const since = await lastAuditId();
      const outcomes = await race([restore(number!), restore(number!)]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expectTypedLosers(outcomes, ['ConflictException', 'BadRequestException']);
      const events = await auditEventsOf(number!, since);
      expect(events.map((e) => e.operation)).toEqual(['RestorePhoneNumber']);
      await expectSerialHistory(number!, events);
    });

    it('twenty restores of one number: exactly one wins', async () => {
      const [number] = await freshNumbers(1);
      await server.admin.voice.send(new Voice.DeletePhoneNumberCommand({ PhoneNumberId: number }));
      const since = await lastAuditId();
      const outcomes = await race(Array.from({ length: 20 }, () => restore(number!)));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expectTypedLosers(outcomes, ['ConflictException', 'BadRequestException']);
      expect((await auditEventsOf(number!, since)).map((e) => e.operation)).toEqual(['RestorePhoneNumber']);
      expect((await server.admin.voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber?.Status).toBe('Unassigned');
    });

    it('delete against a product-type change: never a deleted number with a changed product type out of order', async () => {
      const numbers = await freshNumbers(5);
      for (const number of numbers) {
        const since = await lastAuditId();
        const outcomes = await race([remove(number), update(number, { ProductType: 'SipMediaApplicationDialIn' })]);
        expectTypedLosers(outcomes, ['ConflictException']);
        const events = await auditEventsOf(number, since);
        expect(events).toHaveLength(outcomes.filter((o) => o.ok).length);
        // Whichever commits first wins; the other wins too only if it still applies afterwards.
        expect(events.length).toBeGreaterThanOrEqual(1);
        await expectSerialHistory(number, events);
        for (const event of events.filter((e) => e.operation === 'UpdatePhoneNumber')) expect(event.before?.Status).toBe('Unassigned');
      }
    });

    it('twenty mixed deletes, restores and changes: a serial history with one event per success', async () => {
      const [number] = await freshNumbers(1);
      const since = await lastAuditId();
      const requests = Array.from({ length: 20 }, (_, i) =>
        i % 4 === 0 ? remove(number!) : i % 4 === 1 ? restore(number!) : i % 4 === 2 ? update(number!, { Name: `n${i}` }) : update(number!, { ProductType: i % 8 === 3 ? 'SipMediaApplicationDialIn' : 'VoiceConnector' }),
      );
      const outcomes = await race(requests);
      expectTypedLosers(outcomes, ['ConflictException', 'BadRequestException']);
      const events = await auditEventsOf(number!, since);
      expect(events).toHaveLength(outcomes.filter((o) => o.ok).length);
      await expectSerialHistory(number!, events);
    });

    it('two batch deletes of the same numbers: each number is deleted once', async () => {
      const numbers = await freshNumbers(10);
      const since = await lastAuditId();
      const batch = (c: Client) => c.voice.send(new Voice.BatchDeletePhoneNumberCommand({ PhoneNumberIds: numbers }));
      const outcomes = await race([batch, batch, (c) => c.chime.send(new Chime.BatchDeletePhoneNumberCommand({ PhoneNumberIds: [...numbers].reverse() }))]);
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const errors = outcomes.flatMap((o) => (o.ok ? (o.value as Voice.BatchDeletePhoneNumberCommandOutput).PhoneNumberErrors ?? [] : []));
      // Three batches of ten items: ten deletions and twenty per-item conflicts in all.
      expect(errors).toHaveLength(20);
      expect(new Set(errors.map((e) => e.ErrorCode))).toEqual(new Set(['Conflict']));
      for (const number of numbers) {
        expect((await auditEventsOf(number, since)).map((e) => e.operation)).toEqual(['DeletePhoneNumber']);
        expect(errors.filter((e) => e.PhoneNumberId === number)).toHaveLength(2);
      }
    });
  });
}
