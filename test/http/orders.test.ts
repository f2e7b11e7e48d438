import {
  BadRequestException as ChimeBadRequest,
  CreatePhoneNumberOrderCommand as ChimeCreateOrder,
  type CreatePhoneNumberOrderCommandInput as ChimeCreateOrderInput,
  GetPhoneNumberOrderCommand as ChimeGetOrder,
  NotFoundException as ChimeNotFound,
} from '@aws-sdk/client-chime';
import {
  BadRequestException as VoiceBadRequest,
  CreatePhoneNumberOrderCommand as VoiceCreateOrder,
  DeletePhoneNumberCommand as VoiceDelete,
  GetPhoneNumberCommand as VoiceGet,
  GetPhoneNumberOrderCommand as VoiceGetOrder,
  ListPhoneNumberOrdersCommand as VoiceListOrders,
  ListPhoneNumbersCommand as VoiceList,
  NotFoundException as VoiceNotFound,
  SearchAvailablePhoneNumbersCommand as VoiceSearch,
  paginateListPhoneNumberOrders,
  type CreatePhoneNumberOrderCommandInput,
  type PhoneNumberProductType,
} from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importAvailableNumbers, importNumbers } from '../support/inventory';
import { startTestServer, TestClock, type TestOrganization, type TestServer } from '../support/test-server';

/** +1AAA555NNNN: valid US local numbers in area code `area`, so each test draws from its own part of the pool. */
function poolNumbers(area: string, count: number, start = 100): string[] {
  return Array.from({ length: count }, (_, i) => `+1${area}555${String(start + i).padStart(4, '0')}`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

for (const dialect of DIALECTS) {
  describe(`phone number orders through the AWS SDK clients [${dialect}]`, () => {
    let server: TestServer;
    const clock = new TestClock();

    beforeAll(async () => {
      server = await startTestServer(dialect, { clock });
    });
    afterAll(async () => server?.close());
    // Every test starts with no order left Processing, so that it can count what the job completes.
    beforeEach(async () => {
      await server.server.services.orders.completeProcessingOrders();
    });

    const completeOrders = () => server.server.services.orders.completeProcessingOrders();
    const inventoryOf = async (org: TestOrganization) => (await org.voice.send(new VoiceList({ MaxResults: 100 }))).PhoneNumbers ?? [];
    const stillAvailable = async (area: string) => (await server.admin.voice.send(new VoiceSearch({ AreaCode: area }))).E164PhoneNumbers ?? [];

    it('orders numbers: Processing, then the job makes them Unassigned in the inventory and the order Successful', async () => {
      const org = await server.newOrganization('Happy path');
      const numbers = poolNumbers('206', 3);
      await importAvailableNumbers(server, numbers);

      const { PhoneNumberOrder: created } = await org.voice.send(new VoiceCreateOrder({ ProductType: 'VoiceConnector', E164PhoneNumbers: numbers, Name: 'support lines' }));
      expect(created).toMatchObject({
        ProductType: 'VoiceConnector',
        Status: 'Processing',
        OrderType: 'New',
        OrderedPhoneNumbers: numbers.map((E164PhoneNumber) => ({ E164PhoneNumber, Status: 'Processing' })),
      });
      expect(created!.CreatedTimestamp).toBeInstanceOf(Date);
      const orderId = created!.PhoneNumberOrderId!;

      expect(await stillAvailable('206')).toEqual([]);
      const acquiring = await inventoryOf(org);
      expect(acquiring.map((n) => [n.E164PhoneNumber, n.Status, n.OrderId])).toEqual(numbers.map((n) => [n, 'AcquireInProgress', orderId]));

      expect(await completeOrders()).toBe(1);
      expect(await completeOrders()).toBe(0);

      const { PhoneNumberOrder: done } = await org.voice.send(new VoiceGetOrder({ PhoneNumberOrderId: orderId }));
      expect(done).toMatchObject({ PhoneNumberOrderId: orderId, Status: 'Successful', OrderedPhoneNumbers: numbers.map((E164PhoneNumber) => ({ E164PhoneNumber, Status: 'Acquired' })) });
      const legacy = await org.chime.send(new ChimeGetOrder({ PhoneNumberOrderId: orderId }));
      expect(legacy.PhoneNumberOrder?.Status).toBe('Successful');

      const inventory = await inventoryOf(org);
      expect(inventory).toHaveLength(3);
      for (const number of inventory) {
        expect(number).toMatchObject({ Status: 'Unassigned', ProductType: 'VoiceConnector', OrderId: orderId, Name: 'support lines', Country: 'US', Type: 'Local' });
      }
    });

    it('orders Business Calling numbers with the legacy client, and non-US numbers as SIP Media Application Dial-In', async () => {
      const org = await server.newOrganization('Legacy and non-US');
      const [local] = poolNumbers('312', 1);
      await importAvailableNumbers(server, [local!, '+442079460000', '+18885550100']);

      const business = await org.chime.send(new ChimeCreateOrder({ ProductType: 'BusinessCalling', E164PhoneNumbers: [local!] }));
      expect(business.PhoneNumberOrder).toMatchObject({ ProductType: 'BusinessCalling', Status: 'Processing', OrderedPhoneNumbers: [{ E164PhoneNumber: local, Status: 'Processing' }] });
      const dialIn = await org.voice.send(new VoiceCreateOrder({ ProductType: 'SipMediaApplicationDialIn', E164PhoneNumbers: ['+442079460000', '+18885550100'] }));
      expect(dialIn.PhoneNumberOrder?.Status).toBe('Processing');
      expect(await completeOrders()).toBe(2);

      const byNumber = new Map((await inventoryOf(org)).map((n) => [n.E164PhoneNumber, n]));
      expect(byNumber.get(local!)).toMatchObject({ ProductType: 'BusinessCalling', Status: 'Unassigned' });
      expect(byNumber.get('+442079460000')).toMatchObject({ ProductType: 'SipMediaApplicationDialIn', Country: 'GB', Status: 'Unassigned' });
      expect(byNumber.get('+18885550100')).toMatchObject({ ProductType: 'SipMediaApplicationDialIn', Type: 'TollFree', Status: 'Unassigned' });
    });

    it('completes an order partially when some numbers are not available, and fails one with none', async () => {
      const org = await server.newOrganization('Partial');
      const [a, b, missing] = poolNumbers('503', 3);
      await importAvailableNumbers(server, [a!, b!]);

      const { PhoneNumberOrder: partial } = await org.voice.send(new VoiceCreateOrder({ ProductType: 'VoiceConnector', E164PhoneNumbers: [missing!, b!, a!] }));
      expect(partial?.Status).toBe('Processing');
      expect(partial?.OrderedPhoneNumbers).toEqual([
        { E164PhoneNumber: a, Status: 'Processing' },
        { E164PhoneNumber: b, Status: 'Processing' },
        { E164PhoneNumber: missing, Status: 'Failed' },
      ]);
      expect(await completeOrders()).toBe(1);
      const done = await org.voice.send(new VoiceGetOrder({ PhoneNumberOrderId: partial!.PhoneNumberOrderId }));
      expect(done.PhoneNumberOrder?.Status).toBe('Partial');
      expect(done.PhoneNumberOrder?.OrderedPhoneNumbers).toEqual([
        { E164PhoneNumber: a, Status: 'Acquired' },
        { E164PhoneNumber: b, Status: 'Acquired' },
        { E164PhoneNumber: missing, Status: 'Failed' },
      ]);
      expect((await inventoryOf(org)).map((n) => n.E164PhoneNumber)).toEqual([a, b]);
      await expect(org.voice.send(new VoiceGet({ PhoneNumberId: missing }))).rejects.toBeInstanceOf(VoiceNotFound);

      // Ordering them again: nothing is available any more, so the order fails at once and the job leaves it alone.
      const { PhoneNumberOrder: failed } = await org.voice.send(new VoiceCreateOrder({ ProductType: 'VoiceConnector', E164PhoneNumbers: [a!, missing!] }));
      expect(failed).toMatchObject({ Status: 'Failed', OrderedPhoneNumbers: [{ E164PhoneNumber: a, Status: 'Failed' }, { E164PhoneNumber: missing, Status: 'Failed' }] });
      expect(await completeOrders()).toBe(0);
      expect((await org.voice.send(new VoiceGetOrder({ PhoneNumberOrderId: failed!.PhoneNumberOrderId }))).PhoneNumberOrder?.Status).toBe('Failed');
    });

    it('gives a number two organizations race for to exactly one of them', async () => {
      const first = await server.newOrganization('Racer one');
      const second = await server.newOrganization('Racer two');
      const contested = poolNumbers('415', 8);
      await importAvailableNumbers(server, contested);

      // Each round both organizations order the same number at the same moment; the last round they race for five at once.
      const rounds = [...contested.slice(0, 3).map((n) => [n]), contested.slice(3)];
      const processing: { org: TestOrganization; id: string }[] = [];
      for (const numbers of rounds) {
        const racers = [first, second];
        const results = await Promise.all(
          racers.map((org) => org.voice.send(new VoiceCreateOrder({ ProductType: 'VoiceConnector', E164PhoneNumbers: numbers }))),
        );
        results.forEach((r, i) => {
          if (r.PhoneNumberOrder?.Status === 'Processing') processing.push({ org: racers[i]!, id: r.PhoneNumberOrder.PhoneNumberOrderId! });
        });
        for (const number of numbers) {
          const winners = results.filter((r) => r.PhoneNumberOrder?.OrderedPhoneNumbers?.find((o) => o.E164PhoneNumber === number)?.Status === 'Processing');
          expect(winners, number).toHaveLength(1);
        }
      }
      // Several nodes may run the job at once; each order is completed once.
      const completed = await Promise.all([completeOrders(), completeOrders(), completeOrders()]);
      expect(completed.reduce((sum, n) => sum + n, 0)).toBe(processing.length);
      for (const order of processing) {
        const { PhoneNumberOrder } = await order.org.voice.send(new VoiceGetOrder({ PhoneNumberOrderId: order.id }));
        expect(PhoneNumberOrder?.Status).toBe('Successful');
      }

      const firstHas = (await inventoryOf(first)).map((n) => n.E164PhoneNumber!);
      const secondHas = (await inventoryOf(second)).map((n) => n.E164PhoneNumber!);
      expect([...firstHas, ...secondHas].sort()).toEqual(contested);
      expect(firstHas.filter((n) => secondHas.includes(n))).toEqual([]);
      for (const org of [first, second]) {
        for (const number of await inventoryOf(org)) expect(number.Status).toBe('Unassigned');
      }
    });

    it('refuses bad orders as a whole with a typed BadRequestException and changes nothing', async () => {
      const org = await server.newOrganization('Bad input');
      const [good] = poolNumbers('617', 1);
      await importAvailableNumbers(server, [good!, '+442079460001', '+18005550100']);
      const tooMany = Array.from({ length: 1001 }, (_, i) => `+1617556${String(i).padStart(4, '0')}`);

      const refused: [CreatePhoneNumberOrderCommandInput, RegExp][] = [
        [{ ProductType: 'Telex' as PhoneNumberProductType, E164PhoneNumbers: [good!] }, /Invalid body/],
        [{ ProductType: 'VoiceConnector', E164PhoneNumbers: [good!, '+1206555'] }, /\+1206555/],
        [{ ProductType: 'VoiceConnector', E164PhoneNumbers: [good!, '12065550100'] }, /12065550100.*E\.164/],
        [{ ProductType: 'VoiceConnector', E164PhoneNumbers: [good!, '+442079460001'] }, /\+442079460001.*non-US/],
        [{ ProductType: 'VoiceConnector', E164PhoneNumbers: [good!, good!] }, /more than once/],
        [{ ProductType: 'VoiceConnector', E164PhoneNumbers: [] }, /Invalid body/],
        [{ ProductType: 'VoiceConnector', E164PhoneNumbers: tooMany }, /Invalid body/],
        [{ ProductType: 'SipMediaApplicationDialIn', E164PhoneNumbers: ['+525512345678'] }, /cannot be ordered/],
      ];
      for (const [input, message] of refused) {
        const error = await org.voice.send(new VoiceCreateOrder(input)).catch((e: unknown) => e);
        expect(error, message.source).toBeInstanceOf(VoiceBadRequest);
        expect((error as VoiceBadRequest).message).toMatch(message);
      }
      const legacyRefused: [ChimeCreateOrderInput, RegExp][] = [
        [{ ProductType: 'BusinessCalling', E164PhoneNumbers: [good!, '+442079460001'] }, /non-US/],
        [{ ProductType: 'BusinessCalling', E164PhoneNumbers: ['+18005550100', good!] }, /\+18005550100.*toll-free/],
      ];
      for (const [input, message] of legacyRefused) {
        const error = await org.chime.send(new ChimeCreateOrder(input)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ChimeBadRequest);
        expect((error as ChimeBadRequest).message).toMatch(message);
      }

      expect((await org.voice.send(new VoiceListOrders({}))).PhoneNumberOrders).toEqual([]);
      expect(await inventoryOf(org)).toEqual([]);
      expect(await stillAvailable('617')).toEqual([good]);
      expect((await org.voice.send(new VoiceSearch({ TollFreePrefix: '800' }))).E164PhoneNumbers).toContain('+18005550100');
      expect((await org.voice.send(new VoiceSearch({ Country: 'GB', PhoneNumberType: 'Local' }))).E164PhoneNumbers).toContain('+442079460001');
    });

    it('lists an organization’s orders oldest first with NextToken, and hides other organizations’ orders', async () => {
      const org = await server.newOrganization('Lister');
      const numbers = poolNumbers('702', 5);
      await importAvailableNumbers(server, numbers);
      const ids: string[] = [];
      for (const number of numbers) {
        const { PhoneNumberOrder } = await org.voice.send(new VoiceCreateOrder({ ProductType: 'VoiceConnector', E164PhoneNumbers: [number] }));
        ids.push(PhoneNumberOrder!.PhoneNumberOrderId!);
      }
      const listed: string[] = [];
      for await (const page of paginateListPhoneNumberOrders({ client: org.voice, pageSize: 2 }, {})) {
        expect(page.PhoneNumberOrders!.length).toBeLessThanOrEqual(2);
        listed.push(...page.PhoneNumberOrders!.map((o) => o.PhoneNumberOrderId!));
      }
      expect(listed).toEqual(ids);
      const firstPage = await org.voice.send(new VoiceListOrders({ MaxResults: 1 }));
      expect(firstPage.PhoneNumberOrders?.[0]).toMatchObject({ PhoneNumberOrderId: ids[0], OrderedPhoneNumbers: [{ E164PhoneNumber: numbers[0], Status: 'Processing' }] });
      await expect(org.voice.send(new VoiceListOrders({ MaxResults: 101 }))).rejects.toBeInstanceOf(VoiceBadRequest);
      await expect(org.voice.send(new VoiceListOrders({ NextToken: 'forged' }))).rejects.toBeInstanceOf(VoiceBadRequest);

      // Another organization sees none of them, and an id of theirs looks exactly like a missing one.
      const stranger = await server.newOrganization('Stranger');
      expect((await stranger.voice.send(new VoiceListOrders({}))).PhoneNumberOrders).toEqual([]);
      const theirs = await stranger.voice.send(new VoiceGetOrder({ PhoneNumberOrderId: ids[0] })).catch((e: unknown) => e);
      expect(theirs).toBeInstanceOf(VoiceNotFound);
      const missing = await stranger.voice.send(new VoiceGetOrder({ PhoneNumberOrderId: '0190d6a8-0000-7000-8000-000000000000' })).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(VoiceNotFound);
      expect((theirs as VoiceNotFound).message.replace(ids[0]!, 'ID')).toBe((missing as VoiceNotFound).message.replace('0190d6a8-0000-7000-8000-000000000000', 'ID'));
      await expect(stranger.chime.send(new ChimeGetOrder({ PhoneNumberOrderId: ids[1] }))).rejects.toBeInstanceOf(ChimeNotFound);
    });

    it('returns a purged number to the pool, where another organization can order it', async () => {
      const owner = await server.newOrganization('Releaser');
      const [number] = poolNumbers('808', 1);
      await importNumbers(server, [number!], 'VoiceConnector', owner);
      expect(await stillAvailable('808')).toEqual([]);

      await owner.voice.send(new VoiceDelete({ PhoneNumberId: number }));
      expect(await server.server.services.phoneNumbers.purgeExpiredDeletions()).toBe(0);
      expect(await stillAvailable('808')).toEqual([]);

      // Past the restore window the job purges it; the clock goes back so that signed requests stay in time.
      clock.advance(8 * DAY_MS);
      try {
        expect(await server.server.services.phoneNumbers.purgeExpiredDeletions()).toBe(1);
      } finally {
        clock.advance(-8 * DAY_MS);
      }
      await expect(owner.voice.send(new VoiceGet({ PhoneNumberId: number }))).rejects.toBeInstanceOf(VoiceNotFound);
      expect(await stillAvailable('808')).toEqual([number]);

      const buyer = await server.newOrganization('Buyer');
      const { PhoneNumberOrder } = await buyer.voice.send(new VoiceCreateOrder({ ProductType: 'SipMediaApplicationDialIn', E164PhoneNumbers: [number!] }));
      expect(PhoneNumberOrder?.OrderedPhoneNumbers).toEqual([{ E164PhoneNumber: number, Status: 'Processing' }]);
      await completeOrders();
      expect((await buyer.voice.send(new VoiceGet({ PhoneNumberId: number }))).PhoneNumber).toMatchObject({ Status: 'Unassigned', ProductType: 'SipMediaApplicationDialIn' });
    });
  });
}
