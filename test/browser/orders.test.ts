import { GetPhoneNumberCommand, ListPhoneNumberOrdersCommand } from '@aws-sdk/client-chime-sdk-voice';
import { expect, it } from 'vitest';
import { importAvailableNumbers } from '../support/inventory';
import { expectAccessible, screenshot } from './support/browser';
import { choose, expectFlash, flashCount, selectNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const POOL = ['+12065550901', '+12065550902', '+12065550903', '+15035550901'];
/** A GB local number: it can only be ordered as SIP Media Application Dial-In. */
const GB_NUMBER = '+442079460901';
const NON_US_REASON = 'Numbers outside the US can only use the SIP Media Application Dial-In product type.';

describeConsole(
  'web console: ordering numbers',
  {
    // Orders complete in a background job; run it often enough to watch an order finish.
    server: { config: { jobIntervalMs: 250 } },
    seed: async (server) => {
      await importAvailableNumbers(server, POOL.map((E164PhoneNumber) => ({ E164PhoneNumber, City: 'Seattle', State: 'WA' })));
      await importAvailableNumbers(server, [GB_NUMBER]);
    },
  },
  (suite) => {
    it('searches by area code (checking the search first), orders two numbers and shows the order complete', async () => {
      const { server, console: console_, dialect } = suite;
      const { page, apiCalls } = console_;
      await page.getByRole('link', { name: 'Orders' }).click();
      await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('Enter an area code, a city and state, a state or a toll-free prefix.', { exact: true }).waitFor();
      await page.getByLabel('Area code').fill('20');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('Enter three digits, such as 206.', { exact: true }).waitFor();
      expect(apiCalls.filter((call) => call.startsWith('GET /search'))).toEqual([]);

      await page.getByLabel('Area code').fill('206');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: /Available numbers/ }).waitFor();
      for (const number of POOL.slice(0, 3)) await page.getByRole('rowheader', { name: number }).waitFor();
      expect(await page.getByRole('rowheader', { name: POOL[3]! }).count()).toBe(0);
      await selectNumbers(page, POOL.slice(0, 2));
      await page.getByRole('button', { name: 'Order', exact: true }).click();
      await expectFlash(page, /placed for 2 phone numbers/);
      await page.getByText('Successful').waitFor({ timeout: 15_000 });
      await expectAccessible(page);
      await screenshot(page, `orders-${dialect}`);

      const { PhoneNumberOrders } = await server.admin.voice.send(new ListPhoneNumberOrdersCommand({}));
      expect(PhoneNumberOrders!.map((o) => [o.Status, o.ProductType, o.OrderedPhoneNumbers!.map((n) => n.E164PhoneNumber).sort()])).toEqual([
        ['Successful', 'VoiceConnector', POOL.slice(0, 2)],
      ]);
      for (const number of POOL.slice(0, 2)) {
        const { PhoneNumber } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }));
        expect(PhoneNumber).toMatchObject({ Status: 'Unassigned', ProductType: 'VoiceConnector' });
      }
      expect(console_.problems).toEqual([]);
    });

    it('allows the product types of the numbers found, not of a form changed since; a search that succeeds clears the failed one', async () => {
      const { server, console: console_, dialect } = suite;
      const { page, apiCalls } = console_;
      // A fresh page: no messages of the test before.
      await page.reload();
      await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
      const country = page.getByRole('textbox', { name: 'Country' });
      await country.fill('ZZ');
      await page.getByLabel('Area code').fill('');
      await choose(page, /^Number type/, 'Local');
      await page.getByRole('button', { name: 'Search' }).click();
      await expectFlash(page, 'The search failed');
      await expectFlash(page, 'Country ZZ is not supported');

      await country.fill('GB');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('rowheader', { name: GB_NUMBER }).waitFor();
      expect(await flashCount(page, 'The search failed')).toBe(0);
      await selectNumbers(page, [GB_NUMBER]);
      const orderButton = page.getByRole('button', { name: 'Order', exact: true });
      await page.getByText(NON_US_REASON).first().waitFor();
      expect(await orderButton.isDisabled()).toBe(true);

      // The form says US now, but the numbers on screen are still GB numbers: nothing changes until a new search.
      await country.fill('US');
      await page.getByLabel('Area code').fill('206');
      expect(await orderButton.isDisabled()).toBe(true);
      await page.getByText(NON_US_REASON).first().waitFor();
      await choose(page, /^Product type/, 'Business Calling');
      expect(await orderButton.isDisabled()).toBe(true);
      await screenshot(page, `orders-non-us-after-form-change-${dialect}`);
      expect(apiCalls.filter((call) => call.startsWith('POST /phone-number-orders'))).toHaveLength(1);

      await choose(page, /^Product type/, 'SIP Media Application Dial-In');
      expect(await orderButton.isEnabled()).toBe(true);
      expect(await page.getByText(NON_US_REASON).count()).toBe(0);
      await orderButton.click();
      await expectFlash(page, /placed for 1 phone numbers/);
      const { PhoneNumberOrders } = await server.admin.voice.send(new ListPhoneNumberOrdersCommand({}));
      expect(PhoneNumberOrders!.filter((o) => o.OrderedPhoneNumbers!.some((n) => n.E164PhoneNumber === GB_NUMBER)).map((o) => o.ProductType)).toEqual([
        'SipMediaApplicationDialIn',
      ]);

      // The next search finds US numbers: Voice Connector is allowed again.
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('rowheader', { name: POOL[2]! }).waitFor();
      await selectNumbers(page, [POOL[2]!]);
      await choose(page, /^Product type/, 'Voice Connector');
      expect(await orderButton.isEnabled()).toBe(true);
      await expectAccessible(page);
      expect(console_.problems).toEqual([]);
    });
  },
);
