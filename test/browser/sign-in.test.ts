import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';
import { expectAccessible, HAS_CHROMIUM, launchChromium, openConsole, screenshot, signIn, type ConsolePage } from './support/browser';
import { expectTableNumbers } from './support/console-actions';

describe.skipIf(!HAS_CHROMIUM)('web console: sign in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const dialect of DIALECTS) {
    describe(`[${dialect}]`, () => {
      let server: TestServer;
      const numbers = usNumbers(3, 500);
      beforeAll(async () => {
        server = await startTestServer(dialect);
        await importNumbers(server, numbers, 'VoiceConnector');
      });
      afterAll(async () => server?.close());
      // Each test has its own browser context (own cookies), closed even when the test fails.
      const opened: ConsolePage[] = [];
      const open = async () => {
        const console_ = await openConsole(browser, server.url);
        opened.push(console_);
        return console_;
      };
      afterEach(async () => {
        await Promise.all(opened.splice(0).map((c) => c.close()));
      });

      it('asks for both fields before calling the API, and shows the API error for a wrong secret', async () => {
        const { page, apiCalls, problems } = await open();
        await page.goto('/');
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/console/signin');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Enter the access key ID.').waitFor();
        await page.getByText('Enter the secret access key.').waitFor();
        expect(apiCalls.filter((call) => call.startsWith('POST'))).toEqual([]);

        await page.getByLabel('Access key ID').fill(server.admin.credentials.accessKeyId);
        await page.getByLabel('Secret access key').fill('not-the-secret-not-the-secret');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText(/secret access key|invalid|credentials/i).first().waitFor();
        expect(await page.context().cookies()).toEqual([]);
        await expectAccessible(page);
        await screenshot(page, `sign-in-${dialect}`);
        expect(problems).toEqual([]);
      });

      it('signs in with a session cookie only (nothing in web storage), survives a reload, and signs out', async () => {
        const { page, problems } = await open();
        await signIn(page, server.admin.credentials);
        await expectTableNumbers(page, numbers);

        const [cookie] = await page.context().cookies();
        expect(cookie).toMatchObject({ name: 'numberyard_session', httpOnly: true, sameSite: 'Strict' });
        expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
        expect(await page.content()).not.toContain(server.admin.credentials.secretAccessKey);

        await page.reload();
        await expectTableNumbers(page, numbers);

        await page.getByRole('button', { name: server.admin.credentials.accessKeyId }).click();
        await page.getByRole('menuitem', { name: 'Sign out' }).click();
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        const after = await page.request.get('/phone-numbers', { headers: { cookie: `numberyard_session=${cookie!.value}` } });
        expect(after.status()).toBe(401);
        expect(problems).toEqual([]);
      });

      it('signs in with a username and password too, checking both fields first, and shows the user by name', async () => {
        await server.server.services.consoleUsers.create({
          username: 'console-admin',
          password: 'a long console password',
          organizationId: server.admin.organizationId,
          isAdmin: true,
        });
        const { page, apiCalls, problems } = await open();
        await page.goto('/console/');
        await page.getByRole('button', { name: 'Username and password' }).click();
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Enter your username.').waitFor();
        await page.getByText('Enter your password.').waitFor();
        expect(apiCalls.filter((call) => call.startsWith('POST'))).toEqual([]);

        await page.getByLabel('Username', { exact: true }).fill('console-admin');
        await page.getByLabel('Password', { exact: true }).fill('not the password at all');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText(/username or password is not correct/i).first().waitFor();
        expect(await page.context().cookies()).toEqual([]);
        await expectAccessible(page);
        await screenshot(page, `sign-in-password-${dialect}`);

        await page.getByLabel('Password', { exact: true }).fill('a long console password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor({ timeout: 15_000 });
        await expectTableNumbers(page, numbers);
        await page.getByRole('button', { name: 'console-admin' }).waitFor();
        expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
        expect(await page.content()).not.toContain('a long console password');
        expect(problems).toEqual([]);
      });

      it('brings a signed-out visitor of a bookmarked view back to it after signing in', async () => {
        const { page, problems } = await open();
        await page.goto('/console/inventory?status=Unassigned');
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        await signIn(page, server.admin.credentials, { onSignInPage: true });
        expect(new URL(page.url()).search).toBe('?status=Unassigned');
        await expectTableNumbers(page, numbers);
        expect(problems).toEqual([]);
      });
    });
  }
});
