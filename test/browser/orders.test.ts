import { GetPhoneNumberCommand, ListPhoneNumberOrdersCommand } from '@aws-sdk/client-chime-sdk-voice';
import { expect, it } from 'vitest';
import { importAvailableNumbers } from '../support/inventory';
import { expectAccessible, screenshot } from './support/browser';
import { expectFlash, selectNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const POOL = ['+12065550901', '+12065550902', '+12065550903', '+15035550901'];

describeConsole(
  'web console: ordering numbers',
  {
    // Orders complete in a background job; run it often enough to watch an order finish.
    server: { config: { jobIntervalMs: 250 } },
    seed: (server) => importAvailableNumbers(server, POOL.map((E164PhoneNumber) => ({ E164PhoneNumber, City: 'Seattle', State: 'WA' }))),
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
  },
);
