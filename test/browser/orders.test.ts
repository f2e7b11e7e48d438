import { GetPhoneNumberCommand, ListPhoneNumberOrdersCommand } from '@aws-sdk/client-chime-sdk-voice';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importAvailableNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';
import { expectAccessible, HAS_CHROMIUM, launchChromium, openConsole, screenshot, signIn, type ConsolePage } from './support/browser';
import { expectFlash, selectNumbers } from './support/console-actions';

const POOL = ['+12065550901', '+12065550902', '+12065550903', '+15035550901'];

describe.skipIf(!HAS_CHROMIUM)('web console: ordering numbers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const dialect of DIALECTS) {
    describe(`[${dialect}]`, () => {
      let server: TestServer;
      let console_: ConsolePage;
      beforeAll(async () => {
        // Orders complete in a background job; run it often enough to watch an order finish.
        server = await startTestServer(dialect, { config: { jobIntervalMs: 250 } });
        await importAvailableNumbers(server, POOL.map((E164PhoneNumber) => ({ E164PhoneNumber, City: 'Seattle', State: 'WA' })));
        console_ = await openConsole(browser, server.url);
        await signIn(console_.page, server.admin.credentials);
      });
      afterAll(async () => {
        await console_?.close();
        await server?.close();
      });

      it('searches by area code (checking the search first), orders two numbers and shows the order complete', async () => {
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
    });
  }
});
