import {
  BadRequestException as ChimeBadRequest,
  GetPhoneNumberSettingsCommand as ChimeGetSettings,
  ListSupportedPhoneNumberCountriesCommand as ChimeListCountries,
  SearchAvailablePhoneNumbersCommand as ChimeSearch,
  UpdatePhoneNumberSettingsCommand as ChimeUpdateSettings,
} from '@aws-sdk/client-chime';
import {
  BadRequestException as VoiceBadRequest,
  GetPhoneNumberSettingsCommand as VoiceGetSettings,
  ListSupportedPhoneNumberCountriesCommand as VoiceListCountries,
  SearchAvailablePhoneNumbersCommand as VoiceSearch,
  UpdatePhoneNumberSettingsCommand as VoiceUpdateSettings,
  paginateSearchAvailablePhoneNumbers,
  type PhoneNumberProductType,
  type SearchAvailablePhoneNumbersCommandInput,
} from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importAvailableNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';

const SEATTLE = Array.from({ length: 7 }, (_, i) => `+1206555${String(100 + i).padStart(4, '0')}`);
const PORTLAND = ['+15035550100', '+15035550101'];
const TOLL_FREE_800 = ['+18005550100', '+18005550101'];
const TOLL_FREE_888 = ['+18885550100'];
const LONDON = ['+442079460000', '+442079460001'];
const UK_TOLL_FREE = ['+448005550100'];
const BERLIN = ['+493012345678'];

for (const dialect of DIALECTS) {
  describe(`searching available numbers, phone number settings and supported countries [${dialect}]`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await importAvailableNumbers(server, [
        ...SEATTLE.map((E164PhoneNumber) => ({ E164PhoneNumber, City: 'Seattle', State: 'WA' })),
        ...PORTLAND.map((E164PhoneNumber) => ({ E164PhoneNumber, City: 'Portland', State: 'OR' })),
        ...TOLL_FREE_800,
        ...TOLL_FREE_888,
        ...LONDON,
        ...UK_TOLL_FREE,
        ...BERLIN,
      ]);
    });
    afterAll(async () => server?.close());

    const search = async (input: SearchAvailablePhoneNumbersCommandInput) => (await server.admin.voice.send(new VoiceSearch(input))).E164PhoneNumbers;

    it('filters US numbers by area code, city and state, and toll-free prefix, with both clients', async () => {
      expect(await search({ AreaCode: '206' })).toEqual(SEATTLE);
      const legacy = await server.admin.chime.send(new ChimeSearch({ City: 'Seattle', State: 'WA', Country: 'US' }));
      expect(legacy.E164PhoneNumbers).toEqual(SEATTLE);
      expect(legacy.NextToken).toBeUndefined();
      expect(await search({ State: 'OR' })).toEqual(PORTLAND);
      expect(await search({ City: 'Portland', State: 'WA' })).toEqual([]);
      expect(await search({ TollFreePrefix: '800' })).toEqual(TOLL_FREE_800);
      expect(await search({ TollFreePrefix: '888', PhoneNumberType: 'TollFree' })).toEqual(TOLL_FREE_888);
      expect(await search({ PhoneNumberType: 'TollFree' })).toEqual([...TOLL_FREE_800, ...TOLL_FREE_888]);
      expect(await search({ AreaCode: '206', PhoneNumberType: 'Local', MaxResults: 2 })).toEqual(SEATTLE.slice(0, 2));
    });

    it('searches other countries by phone number type only', async () => {
      expect(await search({ Country: 'GB', PhoneNumberType: 'Local' })).toEqual(LONDON);
      expect(await search({ Country: 'GB', PhoneNumberType: 'TollFree' })).toEqual(UK_TOLL_FREE);
      const legacy = await server.admin.chime.send(new ChimeSearch({ Country: 'DE', PhoneNumberType: 'Local' }));
      expect(legacy.E164PhoneNumbers).toEqual(BERLIN);
    });

    it('pages with NextToken and the SDK paginator, in E.164 order', async () => {
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginateSearchAvailablePhoneNumbers({ client: server.admin.voice, pageSize: 3 }, { AreaCode: '206' })) {
        expect(page.E164PhoneNumbers!.length).toBeLessThanOrEqual(3);
        seen.push(...page.E164PhoneNumbers!);
        pages += 1;
      }
      expect(seen).toEqual(SEATTLE);
      expect(pages).toBe(3);

      const first = await server.admin.chime.send(new ChimeSearch({ State: 'WA', MaxResults: 5 }));
      expect(first.E164PhoneNumbers).toEqual(SEATTLE.slice(0, 5));
      expect(first.NextToken).toEqual(expect.any(String));
      const second = await server.admin.chime.send(new ChimeSearch({ State: 'WA', MaxResults: 5, NextToken: first.NextToken }));
      expect(second.E164PhoneNumbers).toEqual(SEATTLE.slice(5));
      expect(second.NextToken).toBeUndefined();
    });

    it('refuses searches the Chime rules do not allow, with a typed BadRequestException', async () => {
      const refused: [SearchAvailablePhoneNumbersCommandInput, RegExp][] = [
        [{}, /at least one of AreaCode, City, State, TollFreePrefix/],
        [{ Country: 'US' }, /at least one of/],
        [{ City: 'Seattle' }, /City requires State/],
        [{ Country: 'GB' }, /requires PhoneNumberType/],
        [{ Country: 'GB', AreaCode: '206', PhoneNumberType: 'Local' }, /only apply to US numbers/],
        [{ Country: 'DE', PhoneNumberType: 'TollFree' }, /TollFree numbers are not available in DE/],
        [{ Country: 'ZZ', PhoneNumberType: 'Local' }, /Country ZZ is not supported/],
        [{ TollFreePrefix: '800', AreaCode: '206' }, /cannot be combined/],
        [{ TollFreePrefix: '800', PhoneNumberType: 'Local' }, /cannot be combined/],
        [{ AreaCode: '206', PhoneNumberType: 'TollFree' }, /use TollFreePrefix/],
        [{ AreaCode: '20' }, /Invalid querystring/],
        [{ TollFreePrefix: '206' }, /Invalid querystring/],
        [{ Country: 'us', State: 'WA' }, /Invalid querystring/],
        [{ PhoneNumberType: 'Mobile' as never }, /Invalid querystring/],
        [{ AreaCode: '206', MaxResults: 501 }, /Invalid querystring/],
        [{ AreaCode: '206', MaxResults: 0 }, /Invalid querystring/],
        [{ AreaCode: '206', NextToken: 'not-a-token!' }, /NextToken is not valid/],
      ];
      for (const [input, message] of refused) {
        const error = await server.admin.voice.send(new VoiceSearch(input)).catch((e: unknown) => e);
        expect(error, JSON.stringify(input)).toBeInstanceOf(VoiceBadRequest);
        expect((error as VoiceBadRequest).message, JSON.stringify(input)).toMatch(message);
      }
      await expect(server.admin.chime.send(new ChimeSearch({ City: 'Seattle' }))).rejects.toBeInstanceOf(ChimeBadRequest);
    });

    it('lets any organization search the shared pool', async () => {
      const other = await server.newOrganization('Searcher');
      expect((await other.voice.send(new VoiceSearch({ AreaCode: '503' }))).E164PhoneNumbers).toEqual(PORTLAND);
    });

    it('round-trips the default outbound calling name with both clients', async () => {
      const org = await server.newOrganization('Calling name');
      const fresh = await org.voice.send(new VoiceGetSettings({}));
      expect(fresh.CallingName).toBeUndefined();
      expect(fresh.CallingNameUpdatedTimestamp).toBeUndefined();

      const before = Date.now();
      await org.voice.send(new VoiceUpdateSettings({ CallingName: 'Example Corp' }));
      const legacy = await org.chime.send(new ChimeGetSettings({}));
      expect(legacy.CallingName).toBe('Example Corp');
      expect(legacy.CallingNameUpdatedTimestamp).toBeInstanceOf(Date);
      expect(legacy.CallingNameUpdatedTimestamp!.getTime()).toBeGreaterThanOrEqual(before - 1000);

      await org.chime.send(new ChimeUpdateSettings({ CallingName: 'Front Desk 2' }));
      expect((await org.voice.send(new VoiceGetSettings({}))).CallingName).toBe('Front Desk 2');

      // Another organization's setting is its own.
      expect((await server.admin.voice.send(new VoiceGetSettings({}))).CallingName).toBeUndefined();

      await org.voice.send(new VoiceUpdateSettings({ CallingName: '' }));
      const cleared = await org.voice.send(new VoiceGetSettings({}));
      expect(cleared.CallingName).toBeUndefined();
      expect(cleared.CallingNameUpdatedTimestamp).toBeInstanceOf(Date);
    });

    it('refuses a bad calling name and keeps the old one', async () => {
      const org = await server.newOrganization('Bad calling name');
      await org.voice.send(new VoiceUpdateSettings({ CallingName: 'Good Name' }));
      for (const CallingName of ['No_underscores!', 'X', 'Sixteen chars 16']) {
        const error = await org.voice.send(new VoiceUpdateSettings({ CallingName })).catch((e: unknown) => e);
        expect(error, CallingName).toBeInstanceOf(VoiceBadRequest);
      }
      await expect(org.chime.send(new ChimeUpdateSettings({ CallingName: 'Ünïcode' }))).rejects.toBeInstanceOf(ChimeBadRequest);
      await expect(org.chime.send(new ChimeUpdateSettings({} as never))).rejects.toBeInstanceOf(ChimeBadRequest);
      expect((await org.chime.send(new ChimeGetSettings({}))).CallingName).toBe('Good Name');
    });

    it('lists supported countries per product type', async () => {
      const usOnly = [{ CountryCode: 'US', SupportedPhoneNumberTypes: ['Local', 'TollFree'] }];
      // Toll-free numbers cannot be Business Calling, so that product type is offered only local ones.
      const business = await server.admin.chime.send(new ChimeListCountries({ ProductType: 'BusinessCalling' }));
      expect(business.PhoneNumberCountries).toEqual([{ CountryCode: 'US', SupportedPhoneNumberTypes: ['Local'] }]);
      const voiceConnector = await server.admin.voice.send(new VoiceListCountries({ ProductType: 'VoiceConnector' }));
      expect(voiceConnector.PhoneNumberCountries).toEqual(usOnly);

      const dialIn = (await server.admin.voice.send(new VoiceListCountries({ ProductType: 'SipMediaApplicationDialIn' }))).PhoneNumberCountries!;
      expect(dialIn[0]).toEqual(usOnly[0]);
      const byCode = new Map(dialIn.map((country) => [country.CountryCode, country.SupportedPhoneNumberTypes]));
      expect(byCode.get('CA')).toEqual(['Local', 'TollFree']);
      expect(byCode.get('GB')).toEqual(['Local', 'TollFree']);
      expect(byCode.get('DE')).toEqual(['Local']);
      expect(dialIn.length).toBeGreaterThan(3);

      await expect(server.admin.voice.send(new VoiceListCountries({ ProductType: 'Fax' as PhoneNumberProductType }))).rejects.toBeInstanceOf(VoiceBadRequest);
      await expect(server.admin.chime.send(new ChimeListCountries({} as never))).rejects.toBeInstanceOf(ChimeBadRequest);
    });
  });
}
