import { GetPhoneNumberCommand, NotFoundException, SearchAvailablePhoneNumbersCommand } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importAvailableNumbers, importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';

for (const dialect of DIALECTS) {
  describe(`loading owned numbers through the admin route [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    it('is idempotent by E.164: a re-run changes nothing and says so', async () => {
      const numbers = usNumbers(3, 1300);
      const first = await importNumbers(server, numbers, 'VoiceConnector');
      expect(first).toEqual({ Imported: numbers, AlreadyPresent: [], PhoneNumberErrors: [] });
      const again = await importNumbers(server, numbers, 'SipMediaApplicationDialIn');
      expect(again).toEqual({ Imported: [], AlreadyPresent: numbers, PhoneNumberErrors: [] });
      // The re-run did not overwrite anything: the product type is the first import's.
      const { PhoneNumber } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: numbers[0] }));
      expect(PhoneNumber?.ProductType).toBe('VoiceConnector');
    });

    it('reports a number already in another organization as an error, and leaves it there', async () => {
      const other = await server.newOrganization();
      const [number] = usNumbers(1, 1400);
      await importNumbers(server, [number!], 'VoiceConnector', other);
      const result = await importNumbers(server, [number!], 'VoiceConnector');
      expect(result.Imported).toEqual([]);
      expect(result.AlreadyPresent).toEqual([]);
      expect(result.PhoneNumberErrors).toEqual([{ PhoneNumberId: number, ErrorCode: 'Conflict', ErrorMessage: expect.stringContaining("another organization's inventory") }]);
      await expect(server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).rejects.toBeInstanceOf(NotFoundException);
      expect((await other.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber?.Status).toBe('Unassigned');
    });

    it('keeps a number in the pool or in an inventory, never both: loading it into the other is refused for that number', async () => {
      const [held, offered, fresh] = ['+15415550100', '+15415550101', '+15415550102'];
      const areaCode541 = async () => (await server.admin.voice.send(new SearchAvailablePhoneNumbersCommand({ AreaCode: '541' }))).E164PhoneNumbers;
      await importNumbers(server, [held!], 'VoiceConnector');
      await importAvailableNumbers(server, [offered!]);

      const intoPool = await importAvailableNumbers(server, [held!, fresh!]);
      expect(intoPool).toEqual({
        Imported: [fresh],
        AlreadyPresent: [],
        PhoneNumberErrors: [{ PhoneNumberId: held, ErrorCode: 'Conflict', ErrorMessage: expect.stringContaining('is in an inventory') }],
      });
      expect(await areaCode541()).toEqual([offered, fresh]);

      const intoInventory = await importNumbers(server, [offered!], 'VoiceConnector');
      expect(intoInventory).toEqual({
        Imported: [],
        AlreadyPresent: [],
        PhoneNumberErrors: [{ PhoneNumberId: offered, ErrorCode: 'Conflict', ErrorMessage: expect.stringContaining('is in the available pool') }],
      });
      await expect(server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: offered }))).rejects.toBeInstanceOf(NotFoundException);
      expect(await areaCode541()).toEqual([offered, fresh]);
    });
  });
}
