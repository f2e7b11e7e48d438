import {
  BatchDeletePhoneNumberCommand as VoiceBatchDelete,
  BatchUpdatePhoneNumberCommand as VoiceBatchUpdate,
  DeletePhoneNumberCommand as VoiceDelete,
  GetPhoneNumberCommand as VoiceGet,
  ListPhoneNumbersCommand as VoiceList,
  ListVoiceConnectorsCommand,
  SearchAvailablePhoneNumbersCommand,
  NotFoundException as VoiceNotFound,
  RestorePhoneNumberCommand as VoiceRestore,
  UpdatePhoneNumberCommand as VoiceUpdate,
  BadRequestException as VoiceBadRequest,
  paginateListPhoneNumbers,
} from '@aws-sdk/client-chime-sdk-voice';
import { GetPhoneNumberCommand as ChimeGet, ListPhoneNumbersCommand as ChimeList, NotFoundException as ChimeNotFound, UpdatePhoneNumberCommand as ChimeUpdate } from '@aws-sdk/client-chime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';

for (const dialect of DIALECTS) {
  describe(`phone numbers through the AWS SDK clients [${dialect}]`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    it('gets a number with both clients, in the shape they model', async () => {
      const [number] = usNumbers(1, 100);
      await importNumbers(server, [number!], 'VoiceConnector');
      const { PhoneNumber } = await server.admin.voice.send(new VoiceGet({ PhoneNumberId: number }));
      expect(PhoneNumber).toMatchObject({
        PhoneNumberId: number,
        E164PhoneNumber: number,
        Country: 'US',
        Type: 'Local',
        ProductType: 'VoiceConnector',
        Status: 'Unassigned',
        Associations: [],
        CallingNameStatus: 'Unassigned',
      });
      expect(PhoneNumber?.CreatedTimestamp).toBeInstanceOf(Date);
      expect(PhoneNumber?.Capabilities).toEqual({ InboundCall: true, OutboundCall: true, InboundSMS: false, OutboundSMS: false, InboundMMS: false, OutboundMMS: false });

      const legacy = await server.admin.chime.send(new ChimeGet({ PhoneNumberId: number }));
      expect(legacy.PhoneNumber?.E164PhoneNumber).toBe(number);
      expect(legacy.PhoneNumber?.ProductType).toBe('VoiceConnector');
    });

    it('answers an unknown number with a typed NotFoundException in both clients', async () => {
      const voiceError = await server.admin.voice.send(new VoiceGet({ PhoneNumberId: '+12065559999' })).catch((e: unknown) => e);
      expect(voiceError).toBeInstanceOf(VoiceNotFound);
      expect((voiceError as VoiceNotFound).$metadata.httpStatusCode).toBe(404);
      const chimeError = await server.admin.chime.send(new ChimeGet({ PhoneNumberId: '+12065559999' })).catch((e: unknown) => e);
      expect(chimeError).toBeInstanceOf(ChimeNotFound);
    });

    it('pages through a filtered list with NextToken and the SDK paginator', async () => {
      const numbers = usNumbers(7, 200);
      await importNumbers(server, numbers, 'SipMediaApplicationDialIn');
      const seen: string[] = [];
      for await (const page of paginateListPhoneNumbers({ client: server.admin.voice, pageSize: 3 }, { ProductType: 'SipMediaApplicationDialIn' })) {
        expect(page.PhoneNumbers!.length).toBeLessThanOrEqual(3);
        seen.push(...page.PhoneNumbers!.map((p) => p.E164PhoneNumber!));
      }
      expect(seen).toEqual([...numbers].sort());

      const unassigned = await server.admin.chime.send(new ChimeList({ Status: 'Unassigned', ProductType: 'SipMediaApplicationDialIn', MaxResults: 100 }));
      expect(unassigned.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual([...numbers].sort());
      expect(unassigned.NextToken).toBeUndefined();

      // The voice client's porting statuses are valid filters; no number is ever being ported in.
      for (const Status of ['Cancelled', 'PortinInProgress', 'PortinCancelRequested']) {
        const porting = await server.admin.voice.send(new VoiceList({ Status, ProductType: 'SipMediaApplicationDialIn' }));
        expect(porting.PhoneNumbers, Status).toEqual([]);
      }
      await expect(server.admin.voice.send(new VoiceList({ Status: 'Porting' }))).rejects.toBeInstanceOf(VoiceBadRequest);
    });

    it('rejects a NextToken it did not issue and MaxResults outside 1-100', async () => {
      await expect(server.admin.voice.send(new VoiceList({ NextToken: 'not-a-token!' }))).rejects.toBeInstanceOf(VoiceBadRequest);
      await expect(server.admin.voice.send(new VoiceList({ MaxResults: 101 }))).rejects.toBeInstanceOf(VoiceBadRequest);
      await expect(server.admin.voice.send(new VoiceList({ MaxResults: 0 }))).rejects.toBeInstanceOf(VoiceBadRequest);
    });

    it('takes a NextToken back only with the operation and filters that issued it, at any page size', async () => {
      const numbers = usNumbers(3, 700);
      await importNumbers(server, numbers, 'VoiceConnector');
      const filter = { ProductType: 'VoiceConnector', FilterName: undefined } as const;
      const first = await server.admin.voice.send(new VoiceList({ ...filter, MaxResults: 1 }));
      expect(first.NextToken).toBeDefined();
      const NextToken = first.NextToken!;
      // Its position alone would start a page of another set: refused rather than answered with a shifted page.
      const refusals = [
        () => server.admin.voice.send(new VoiceList({ ProductType: 'SipMediaApplicationDialIn', MaxResults: 1, NextToken })),
        () => server.admin.voice.send(new VoiceList({ MaxResults: 1, NextToken })),
        () => server.admin.voice.send(new VoiceList({ ...filter, Status: 'Unassigned', NextToken })),
        () => server.admin.voice.send(new ListVoiceConnectorsCommand({ NextToken })),
        () => server.admin.voice.send(new SearchAvailablePhoneNumbersCommand({ AreaCode: '206', NextToken })),
      ];
      for (const [i, send] of refusals.entries()) {
        const error = await send().catch((e: unknown) => e);
        expect(error, `refusal ${i}`).toBeInstanceOf(VoiceBadRequest);
        expect((error as Error).message, `refusal ${i}`).toMatch(/another request/);
      }
      const second = await server.admin.voice.send(new VoiceList({ ...filter, MaxResults: 2, NextToken }));
      expect(second.PhoneNumbers!.length).toBeGreaterThan(0);
      expect(second.PhoneNumbers![0]!.E164PhoneNumber! > first.PhoneNumbers![0]!.E164PhoneNumber!).toBe(true);
    });

    it('updates product type, calling name and name, one detail at a time', async () => {
      const [number] = usNumbers(1, 300);
      await importNumbers(server, [number!], 'VoiceConnector');
      const switched = await server.admin.chime.send(new ChimeUpdate({ PhoneNumberId: number, ProductType: 'BusinessCalling' }));
      expect(switched.PhoneNumber?.ProductType).toBe('BusinessCalling');
      expect(switched.PhoneNumber?.Capabilities?.InboundSMS).toBe(true);

      const named = await server.admin.voice.send(new VoiceUpdate({ PhoneNumberId: number, CallingName: 'Example Corp' }));
      expect(named.PhoneNumber).toMatchObject({ CallingName: 'Example Corp', CallingNameStatus: 'UpdateSucceeded' });
      const labelled = await server.admin.voice.send(new VoiceUpdate({ PhoneNumberId: number, Name: 'front desk' }));
      expect(labelled.PhoneNumber?.Name).toBe('front desk');

      const both = server.admin.voice.send(new VoiceUpdate({ PhoneNumberId: number, CallingName: 'Other', Name: 'x' }));
      await expect(both).rejects.toThrow(/one phone number detail/);
      const badName = server.admin.voice.send(new VoiceUpdate({ PhoneNumberId: number, CallingName: 'No_underscores!' }));
      await expect(badName).rejects.toBeInstanceOf(VoiceBadRequest);
      const after = await server.admin.voice.send(new VoiceGet({ PhoneNumberId: number }));
      expect(after.PhoneNumber).toMatchObject({ ProductType: 'BusinessCalling', CallingName: 'Example Corp', Name: 'front desk' });
    });

    it('refuses product types a number cannot have, naming the reason', async () => {
      await importNumbers(server, ['+442079460000'], 'SipMediaApplicationDialIn');
      await importNumbers(server, ['+18005550100'], 'VoiceConnector');
      await expect(server.admin.voice.send(new VoiceUpdate({ PhoneNumberId: '+442079460000', ProductType: 'VoiceConnector' }))).rejects.toThrow(
        /non-US/,
      );
      await expect(server.admin.chime.send(new ChimeUpdate({ PhoneNumberId: '+18005550100', ProductType: 'BusinessCalling' }))).rejects.toThrow(
        /toll-free/,
      );
      const { PhoneNumber } = await server.admin.voice.send(new VoiceGet({ PhoneNumberId: '+18005550100' }));
      expect(PhoneNumber).toMatchObject({ Type: 'TollFree', ProductType: 'VoiceConnector' });
    });

    it('batch-updates with a per-item error and refuses duplicates as a whole', async () => {
      const numbers = usNumbers(3, 400);
      await importNumbers(server, numbers, 'VoiceConnector');
      const result = await server.admin.voice.send(
        new VoiceBatchUpdate({
          UpdatePhoneNumberRequestItems: [
            { PhoneNumberId: numbers[0], ProductType: 'SipMediaApplicationDialIn' },
            { PhoneNumberId: '+12065551234', ProductType: 'SipMediaApplicationDialIn' },
            { PhoneNumberId: numbers[1], CallingName: 'x' },
            // Too long breaks the same 2-15 rule as too short: reported for its item too, not for the whole batch.
            { PhoneNumberId: numbers[2], CallingName: 'Seventeen chars x' },
          ],
        }),
      );
      expect(result.PhoneNumberErrors).toEqual([
        { PhoneNumberId: '+12065551234', ErrorCode: 'NotFound', ErrorMessage: expect.stringContaining('not found') },
        { PhoneNumberId: numbers[1], ErrorCode: 'BadRequest', ErrorMessage: expect.stringContaining('CallingName') },
        { PhoneNumberId: numbers[2], ErrorCode: 'BadRequest', ErrorMessage: expect.stringContaining('CallingName') },
      ]);
      expect((await server.admin.voice.send(new VoiceGet({ PhoneNumberId: numbers[0] }))).PhoneNumber?.ProductType).toBe('SipMediaApplicationDialIn');
      expect((await server.admin.voice.send(new VoiceGet({ PhoneNumberId: numbers[2] }))).PhoneNumber?.CallingName).toBeUndefined();

      const duplicate = server.admin.voice.send(
        new VoiceBatchUpdate({
          UpdatePhoneNumberRequestItems: [
            { PhoneNumberId: numbers[1], Name: 'a' },
            { PhoneNumberId: numbers[1], Name: 'b' },
          ],
        }),
      );
      await expect(duplicate).rejects.toBeInstanceOf(VoiceBadRequest);
      expect((await server.admin.voice.send(new VoiceGet({ PhoneNumberId: numbers[1] }))).PhoneNumber?.Name).toBeUndefined();
    });

    it('deletes into the deletion queue, restores, and batch-deletes', async () => {
      const numbers = usNumbers(3, 500);
      await importNumbers(server, numbers, 'VoiceConnector');
      await server.admin.voice.send(new VoiceDelete({ PhoneNumberId: numbers[0] }));
      const deleted = await server.admin.voice.send(new VoiceGet({ PhoneNumberId: numbers[0] }));
      expect(deleted.PhoneNumber?.Status).toBe('DeleteInProgress');
      expect(deleted.PhoneNumber?.DeletionTimestamp).toBeInstanceOf(Date);

      const restored = await server.admin.voice.send(new VoiceRestore({ PhoneNumberId: numbers[0] }));
      expect(restored.PhoneNumber?.Status).toBe('Unassigned');
      expect(restored.PhoneNumber?.DeletionTimestamp).toBeUndefined();
      await expect(server.admin.voice.send(new VoiceRestore({ PhoneNumberId: numbers[0] }))).rejects.toBeInstanceOf(VoiceBadRequest);

      const batch = await server.admin.voice.send(new VoiceBatchDelete({ PhoneNumberIds: [numbers[1]!, numbers[2]!, '+12065550001'] }));
      expect(batch.PhoneNumberErrors).toEqual([{ PhoneNumberId: '+12065550001', ErrorCode: 'NotFound', ErrorMessage: expect.any(String) }]);
      const queue = await server.admin.voice.send(new VoiceList({ Status: 'DeleteInProgress' }));
      expect(queue.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual([numbers[1], numbers[2]]);
    });

    it('never shows or changes another organization’s numbers', async () => {
      const other = await server.newOrganization();
      const [theirs] = usNumbers(1, 600);
      await importNumbers(server, [theirs!], 'VoiceConnector', other);
      await expect(server.admin.voice.send(new VoiceGet({ PhoneNumberId: theirs }))).rejects.toBeInstanceOf(VoiceNotFound);
      await expect(server.admin.voice.send(new VoiceDelete({ PhoneNumberId: theirs }))).rejects.toBeInstanceOf(VoiceNotFound);
      const mine = await server.admin.voice.send(new VoiceList({ MaxResults: 100 }));
      expect(mine.PhoneNumbers?.map((p) => p.E164PhoneNumber)).not.toContain(theirs);
      const listed = await other.voice.send(new VoiceList({}));
      expect(listed.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual([theirs]);
      expect((await other.voice.send(new VoiceGet({ PhoneNumberId: theirs }))).PhoneNumber?.Status).toBe('Unassigned');
    });
  });
}
