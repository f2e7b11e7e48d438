import { expect, it } from 'vitest';
import { importNumbers, usNumbers } from '../support/inventory';
import { expectAccessible, screenshot, signIn } from './support/browser';
import { expectTableNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const numbers = usNumbers(3, 500);

// Each test signs in (or fails to) in a browser context of its own (own cookies), which the suite
// closes after the test even when it fails.
describeConsole(
  'web console: sign in',
  { signIn: false, seed: (server) => importNumbers(server, numbers, 'VoiceConnector') },
  (suite) => {
    it('asks for both fields before calling the API, and shows the API error for a wrong secret', async () => {
      const { server, dialect } = suite;
      const { page, apiCalls, problems } = await suite.open();
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
      const { server } = suite;
      const { page, problems } = await suite.open();
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
      const { server, dialect } = suite;
      await server.server.services.consoleUsers.create({
        username: 'console-admin',
        password: 'a long console password',
        organizationId: server.admin.organizationId,
        isAdmin: true,
      });
      const { page, apiCalls, problems } = await suite.open();
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
      const { server } = suite;
      const { page, problems } = await suite.open();
      await page.goto('/console/inventory?status=Unassigned');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await signIn(page, server.admin.credentials, { onSignInPage: true });
      expect(new URL(page.url()).search).toBe('?status=Unassigned');
      await expectTableNumbers(page, numbers);
      expect(problems).toEqual([]);
    });
  },
);
