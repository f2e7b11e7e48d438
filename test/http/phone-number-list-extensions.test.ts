import { ListPhoneNumbersCommand, paginateListPhoneNumbers } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneNumber } from '../../src/contract/phone-number.schema';
import { signedFetch, type SignedResponse } from '../../src/client/signed-fetch';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, TEST_REGION, type TestServer } from '../support/test-server';

// numberyard's extensions of ListPhoneNumbers: country, number-prefix and sort-order. The AWS SDKs never
// send them, so these tests sign the requests themselves (src/client/signed-fetch.ts).

type ListBody = { PhoneNumbers: PhoneNumber[]; NextToken?: string; Code?: string; Message?: string };

// Seattle (+1206) numbers of two product types, Portland (+1503) numbers, and UK (+44) numbers.
const SEATTLE_VOICE = usNumbers(7, 100);
const SEATTLE_CALLING = usNumbers(3, 200);
const PORTLAND = ['+15035559900', '+15035559901', '+15035559902'];
const UK = ['+442079460001', '+442079460002', '+442079460003', '+442079460004', '+442079460005'];
const ALL = [...SEATTLE_VOICE, ...SEATTLE_CALLING, ...PORTLAND, ...UK].sort();

for (const dialect of DIALECTS) {
  describe(`ListPhoneNumbers extensions: country, number-prefix, sort-order [${dialect}]`, () => {
    let server: TestServer;
    const list = (query: Record<string, string>): Promise<SignedResponse<ListBody>> =>
      signedFetch<ListBody>(
        { endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials },
        'GET',
        `/phone-numbers?${new URLSearchParams(query).toString()}`,
      );

    /** Every page of a listing, following NextToken with the same query, and the tokens seen. */
    async function listAll(query: Record<string, string>): Promise<{ numbers: string[]; pages: number }> {
      const numbers: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const response = await list(token ? { ...query, 'next-token': token } : query);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        numbers.push(...response.body.PhoneNumbers.map((n) => n.E164PhoneNumber));
        token = response.body.NextToken;
        pages += 1;
      } while (token);
      return { numbers, pages };
    }

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await importNumbers(server, SEATTLE_VOICE, 'VoiceConnector');
      await importNumbers(server, SEATTLE_CALLING, 'BusinessCalling');
      await importNumbers(server, PORTLAND, 'VoiceConnector');
      await importNumbers(server, UK, 'SipMediaApplicationDialIn');
    });
    afterAll(async () => server?.close());

    it('filters by country', async () => {
      const uk = await listAll({ country: 'GB' });
      expect(uk.numbers).toEqual(UK);
      const us = await list({ country: 'US', 'max-results': '99' });
      expect(us.body.PhoneNumbers.map((n) => n.E164PhoneNumber)).toEqual(ALL.filter((n) => n.startsWith('+1')));
      expect(us.body.PhoneNumbers.every((n) => n.Country === 'US')).toBe(true);
      expect((await list({ country: 'FR' })).body.PhoneNumbers).toEqual([]);
    });

    it('filters by number prefix, alone and with the product type, status and country', async () => {
      expect((await listAll({ 'number-prefix': '+1206' })).numbers).toEqual([...SEATTLE_VOICE, ...SEATTLE_CALLING]);
      expect((await listAll({ 'number-prefix': '+1206', 'product-type': 'BusinessCalling' })).numbers).toEqual(SEATTLE_CALLING);
      expect((await listAll({ 'number-prefix': '+12065550', 'status': 'Unassigned', 'product-type': 'VoiceConnector' })).numbers).toEqual(SEATTLE_VOICE);
      // A prefix that ends in 9s: its range ends at +15035560.
      expect((await listAll({ 'number-prefix': '+150355599' })).numbers).toEqual(PORTLAND);
      expect((await listAll({ 'number-prefix': '+1503555990' })).numbers).toEqual(PORTLAND);
      expect((await listAll({ 'number-prefix': '+4420794600', country: 'GB' })).numbers).toEqual(UK);
      expect((await listAll({ 'number-prefix': '+44', country: 'US' })).numbers).toEqual([]);
      expect((await listAll({ 'number-prefix': '+9' })).numbers).toEqual([]);
      // A whole number is a prefix of itself.
      expect((await listAll({ 'number-prefix': PORTLAND[1]! })).numbers).toEqual([PORTLAND[1]]);
    });

    it('pages ascending and descending with NextToken, each way returning every number once', async () => {
      const ascending = await listAll({ 'max-results': '4' });
      expect(ascending.numbers).toEqual(ALL);
      expect(ascending.pages).toBe(Math.ceil(ALL.length / 4));
      const explicitAsc = await listAll({ 'max-results': '4', 'sort-order': 'asc' });
      expect(explicitAsc.numbers).toEqual(ALL);

      const descending = await listAll({ 'max-results': '4', 'sort-order': 'desc' });
      expect(descending.numbers).toEqual([...ALL].reverse());
      expect(descending.pages).toBe(Math.ceil(ALL.length / 4));

      const filteredDesc = await listAll({ 'max-results': '2', 'sort-order': 'desc', 'number-prefix': '+1206', 'product-type': 'VoiceConnector' });
      expect(filteredDesc.numbers).toEqual([...SEATTLE_VOICE].reverse());
      const countryDesc = await listAll({ 'max-results': '2', 'sort-order': 'desc', country: 'GB', status: 'Unassigned' });
      expect(countryDesc.numbers).toEqual([...UK].reverse());
    });

    it('leaves what the AWS SDK sees unchanged: its paginator still walks the inventory in ascending order', async () => {
      const numbers: string[] = [];
      for await (const page of paginateListPhoneNumbers({ client: server.admin.voice, pageSize: 5 }, {})) {
        numbers.push(...(page.PhoneNumbers ?? []).map((n) => n.E164PhoneNumber!));
      }
      expect(numbers).toEqual(ALL);
      // An ascending token from the extension route is an ordinary token to the SDK.
      const first = await list({ 'max-results': '5', 'sort-order': 'asc' });
      const next = await server.admin.voice.send(new ListPhoneNumbersCommand({ MaxResults: 5, NextToken: first.body.NextToken }));
      expect(next.PhoneNumbers?.map((n) => n.E164PhoneNumber)).toEqual(ALL.slice(5, 10));
    });

    it('refuses a NextToken with the other sort order', async () => {
      const asc = await list({ 'max-results': '3' });
      const desc = await list({ 'max-results': '3', 'sort-order': 'desc' });
      expect(asc.body.NextToken).toBeDefined();
      expect(desc.body.NextToken).toBeDefined();

      for (const [token, order] of [
        [asc.body.NextToken!, 'desc'],
        [desc.body.NextToken!, 'asc'],
      ] as const) {
        const refused = await list({ 'max-results': '3', 'sort-order': order, 'next-token': token });
        expect(refused.status).toBe(400);
        expect(refused.headers.get('x-amzn-errortype')).toBe('BadRequestException');
        expect(refused.body.Message).toMatch(/sort-order/);
      }
      // Without sort-order the order is ascending, so a descending token is refused there too.
      expect((await list({ 'next-token': desc.body.NextToken! })).status).toBe(400);
      // And the SDK, which sends no sort-order, gets a typed BadRequestException for it.
      const sdkError = await server.admin.voice.send(new ListPhoneNumbersCommand({ NextToken: desc.body.NextToken })).catch((e: unknown) => e);
      expect((sdkError as { name?: string }).name).toBe('BadRequestException');
    });

    it('answers bad values with BadRequestException and lists nothing', async () => {
      const bad: Record<string, string>[] = [
        { country: 'gb' },
        { country: 'GBR' },
        { country: '' },
        { 'number-prefix': '1206' },
        { 'number-prefix': '+' },
        { 'number-prefix': '+12a' },
        { 'number-prefix': '+1206%' },
        { 'number-prefix': `+${'1'.repeat(16)}` },
        { 'sort-order': 'DESC' },
        { 'sort-order': 'random' },
        { 'sort-order': 'desc', 'next-token': Buffer.from('not json').toString('base64url') },
        { 'sort-order': 'desc', 'next-token': Buffer.from('{"a":"+1206","d":"sideways"}').toString('base64url') },
      ];
      for (const query of bad) {
        const response = await list(query);
        expect(response.status, JSON.stringify(query)).toBe(400);
        expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
        expect(response.body.Code).toBe('BadRequest');
        expect(response.body.PhoneNumbers).toBeUndefined();
      }
    });

    it("never lists another organization's numbers, whatever the filter", async () => {
      const other = await server.newOrganization();
      await importNumbers(server, ['+12065559901'], 'VoiceConnector', other);
      const mine = await listAll({ 'number-prefix': '+1206555990' });
      expect(mine.numbers).toEqual([]);
      const theirs = await signedFetch<ListBody>(
        { endpoint: server.url, region: TEST_REGION, credentials: other.credentials },
        'GET',
        '/phone-numbers?number-prefix=%2B1206&country=US&sort-order=desc',
      );
      expect(theirs.body.PhoneNumbers.map((n) => n.E164PhoneNumber)).toEqual(['+12065559901']);
    });
  });
}
