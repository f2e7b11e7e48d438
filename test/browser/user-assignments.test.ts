import { AssociatePhoneNumberWithUserCommand, CreateUserCommand, GetUserCommand, GetUserSettingsCommand, ListAccountsCommand, ListUsersCommand } from '@aws-sdk/client-chime';
import type { Static } from 'typebox';
import { expect, it } from 'vitest';
import type { ListUserNotificationsResponse } from '../../src/contract/account.schema';
import { signedFetch } from '../../src/client/signed-fetch';
import { importNumbers } from '../support/inventory';
import { TEST_REGION } from '../support/test-server';
import { expectAccessible, screenshot } from './support/browser';
import { choose, dialog, expectDialogRefusal, expectFlash, expectTableNumbers, flashCount, selectNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const NUMBER = '+12065550800';

describeConsole(
  'web console: accounts, users, Assign a Business Calling number, permissions',
  { seed: (server) => importNumbers(server, [NUMBER], 'BusinessCalling') },
  (suite) => {
    let accountId: string;
    let userId: string;
    const getUser = async () => (await suite.server.admin.chime.send(new GetUserCommand({ AccountId: accountId, UserId: userId }))).User!;
    const notifications = async () => {
      const response = await signedFetch<Static<typeof ListUserNotificationsResponse>>(
        { endpoint: suite.server.url, region: TEST_REGION, credentials: suite.server.admin.credentials },
        'GET',
        `/accounts/${accountId}/users/${userId}/notifications`,
      );
      return response.body.Notifications.map((n) => ({ kind: n.Kind, number: n.Payload.PrimaryProvisionedNumber, sms: n.Payload.Telephony.SMS }));
    };

    it('creates an account (a name is required first) and a user in it', async () => {
      const { server, console: console_, dialect } = suite;
      const { page, apiCalls } = console_;
      await page.getByRole('link', { name: 'Accounts' }).click();
      await page.getByRole('button', { name: 'Create account' }).click();
      await dialog(page).getByLabel('Name').fill('   ');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await dialog(page).getByText('Enter a name for the account.').waitFor();
      expect(apiCalls.filter((call) => call.startsWith('POST /accounts'))).toEqual([]);
      expect((await server.admin.chime.send(new ListAccountsCommand({}))).Accounts).toEqual([]);
      await dialog(page).getByLabel('Name').fill('Example Corp');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await expectFlash(page, 'Account Example Corp created.');
      const [account] = (await server.admin.chime.send(new ListAccountsCommand({}))).Accounts!;
      accountId = account!.AccountId!;
      await expectAccessible(page);
      await screenshot(page, `accounts-${dialect}`);

      await page.getByRole('link', { name: 'Example Corp' }).click();
      await page.getByRole('button', { name: 'Create user' }).click();
      await dialog(page).getByLabel('Full name').fill('Jane Doe');
      await dialog(page).getByLabel('Email').fill('jane@example');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await dialog(page).getByText('Enter an email address such as jane@example.com.').waitFor();
      await dialog(page).getByLabel('Email').fill('jane@example.com');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await expectFlash(page, 'User Jane Doe created.');
      await page.getByRole('cell', { name: 'jane@example.com' }).waitFor();

      // Email addresses are unique in an organization, whatever their case: only the API knows the address is
      // taken. The dialog stays open with what the user typed and says why; no user is made.
      const modal = dialog(page);
      await page.getByRole('button', { name: 'Create user' }).click();
      await modal.getByLabel('Full name').fill('Jane Again');
      await modal.getByLabel('Email').fill('JANE@example.com');
      await modal.getByRole('button', { name: 'Create' }).click();
      await expectDialogRefusal(page, 'The user was not created');
      await expectDialogRefusal(page, 'A user with email jane@example.com already exists in this account');
      expect(await modal.getByLabel('Full name').inputValue()).toBe('Jane Again');
      expect(await modal.getByLabel('Email').inputValue()).toBe('JANE@example.com');
      expect((await server.admin.chime.send(new ListUsersCommand({ AccountId: accountId }))).Users!.map((u) => u.PrimaryEmail)).toEqual(['jane@example.com']);
      await expectAccessible(page);
      await screenshot(page, `user-create-refused-${dialect}`);
      await modal.getByRole('button', { name: 'Cancel' }).click();
      await modal.waitFor({ state: 'hidden' });
      expect(console_.apiCalls.filter((call) => call === `POST /accounts/${accountId}/users?operation=create`)).toHaveLength(2);

      // A second user, so that the wizard really chooses by full name.
      await server.admin.chime.send(new CreateUserCommand({ AccountId: accountId, Username: 'John Roe', Email: 'john@example.com' }));
      await page.getByRole('cell', { name: 'jane@example.com' }).waitFor();
    });

    it('assigns a Business Calling number: Assign, the account, Next, the user by full name, Assign; then says to sign in again', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      await page.getByRole('link', { name: 'Inventory' }).click();
      await expectTableNumbers(page, [NUMBER]);
      await selectNumbers(page, [NUMBER]);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByRole('heading', { name: 'Account', level: 2 }).waitFor();
      await choose(page, /Choose an account/, /^Example Corp/);
      await page.getByRole('button', { name: 'Next' }).click();
      await choose(page, /Choose a user by full name/, /^Jane Doe/);
      await expectAccessible(page);
      await screenshot(page, `assign-user-${dialect}`);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await expectFlash(page, `${NUMBER} assigned to Jane Doe`);
      await expectFlash(page, 'Jane Doe must sign out and sign in again before the new number works. A notification with the new number was queued for Jane Doe.');

      const { Users } = await server.admin.chime.send(new ListUsersCommand({ AccountId: accountId, UserEmail: 'jane@example.com' }));
      userId = Users![0]!.UserId!;
      const user = await getUser();
      expect(user.PrimaryProvisionedNumber).toBe(NUMBER);
      expect(await notifications()).toEqual([{ kind: 'PhoneNumberChanged', number: NUMBER, sms: expect.any(Boolean) }]);
      await expectTableNumbers(page, [NUMBER]);
      // The Inventory shows the number just assigned; nothing on the page is a bare user id.
      expect(new URL(page.url()).searchParams.get('number-prefix')).toBe(NUMBER);
      expect(await page.getByText(userId).count()).toBe(0);
      // The inventory and View details say who holds the number by name.
      const row = page.locator('table tbody tr', { hasText: NUMBER });
      await expect.poll(() => row.innerText()).toContain('User Jane Doe (account Example Corp)');
      await page.goto(`/console/inventory/${encodeURIComponent(NUMBER)}`);
      const associations = page.locator('[data-testid="associations"]');
      await associations.getByRole('link', { name: 'Jane Doe' }).waitFor();
      await associations.getByRole('link', { name: 'Example Corp' }).waitFor();
      expect(await associations.innerText()).toContain('jane@example.com');
    });

    it("edits the user's calling and SMS permissions, with the same sign-in-again notice", async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      await page.getByRole('link', { name: 'Accounts' }).click();
      await page.getByRole('link', { name: 'Example Corp' }).click();
      await page.getByRole('radio', { name: 'Select Jane Doe' }).check();
      await page.getByRole('button', { name: 'Edit calling and SMS permissions' }).click();
      const sms = dialog(page).getByRole('checkbox', { name: 'SMS' });
      await sms.waitFor();
      const before = (await server.admin.chime.send(new GetUserSettingsCommand({ AccountId: accountId, UserId: userId }))).UserSettings!.Telephony!;
      expect(await sms.isChecked()).toBe(before.SMS);
      await sms.setChecked(!before.SMS);
      await expectAccessible(page);
      await dialog(page).getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Jane Doe must sign out and sign in again before the new calling and SMS permissions apply. A notification with the new permissions was queued for Jane Doe.');
      const after = (await server.admin.chime.send(new GetUserSettingsCommand({ AccountId: accountId, UserId: userId }))).UserSettings!.Telephony!;
      expect(after).toEqual({ ...before, SMS: !before.SMS });
      expect((await notifications()).map((n) => n.kind)).toContain('PermissionsChanged');
      await page.getByText('Must sign in again').waitFor();
      await screenshot(page, `account-users-${dialect}`);
    });

    it("unassigns the user's number after the confirming check box", async () => {
      const { console: console_ } = suite;
      const { page } = console_;
      await page.getByRole('link', { name: 'Inventory' }).click();
      await expectTableNumbers(page, [NUMBER]);
      await selectNumbers(page, [NUMBER]);
      await page.getByRole('button', { name: 'Unassign' }).click();
      await dialog(page).getByRole('checkbox').check();
      await dialog(page).getByRole('button', { name: 'Unassign' }).click();
      await expectFlash(page, `${NUMBER} unassigned.`);
      expect((await getUser()).PrimaryProvisionedNumber).toBeUndefined();
      expect(console_.problems).toEqual([]);
    });

    it('after an Assign refused because the user got a number meanwhile, reads the users again; the retry shows only its success', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const second = '+12065550801';
      await importNumbers(server, [second], 'BusinessCalling');
      await page.goto(`/console/inventory/assign-user?number=${encodeURIComponent(second)}`);
      await choose(page, /Choose an account/, /^Example Corp/);
      await page.getByRole('button', { name: 'Next' }).click();
      await choose(page, /Choose a user by full name/, /^Jane Doe/);
      // Meanwhile someone gives Jane Doe the other number: a user holds one Business Calling number.
      await server.admin.chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: NUMBER }));
      const userLists = () => console_.apiCalls.filter((call) => call.startsWith(`GET /accounts/${accountId}/users`)).length;
      const listsBefore = userLists();
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await expectFlash(page, `${second} was not assigned`);
      expect((await getUser()).PrimaryProvisionedNumber).toBe(NUMBER);

      // Read again: Jane Doe is no longer chosen, nor offered.
      await expect.poll(userLists).toBeGreaterThan(listsBefore);
      await page.getByRole('button', { name: /Choose a user by full name/ }).click();
      const jane = page.getByRole('option', { name: /^Jane Doe/ });
      await expect.poll(() => jane.getAttribute('aria-disabled')).toBe('true');
      expect(await jane.innerText()).toContain(`has ${NUMBER}; unassign it first`);
      await page.getByRole('option', { name: /^John Roe/ }).click();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await expectFlash(page, `${second} assigned to John Roe`);
      // Only the success: the refusal of the attempt before is gone.
      expect(await flashCount(page, 'was not assigned')).toBe(0);
      await screenshot(page, `assign-user-retried-${dialect}`);
      const { Users } = await server.admin.chime.send(new ListUsersCommand({ AccountId: accountId }));
      expect(Users!.map((u) => [u.DisplayName, u.PrimaryProvisionedNumber]).sort()).toEqual([
        ['Jane Doe', NUMBER],
        ['John Roe', second],
      ]);
      expect(console_.problems).toEqual([]);
    });

    it('opened without a number, Assign to a user says so and leads back to the Inventory instead of offering a wizard', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      await page.goto('/console/inventory/assign-user');
      await page.getByText('No phone number chosen').waitFor();
      await page.getByText('select an unassigned Business Calling number on the Inventory page and choose Assign').waitFor();
      expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0);
      expect(await page.getByText('Select the account that the user of').count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, `assign-user-no-number-${dialect}`);
      const writesBefore = console_.apiCalls.filter((call) => call.startsWith('POST')).length;
      await page.getByRole('link', { name: 'Go to Inventory' }).click();
      await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
      expect(new URL(page.url()).searchParams.get('product-type')).toBe('BusinessCalling');
      expect(console_.apiCalls.filter((call) => call.startsWith('POST'))).toHaveLength(writesBefore);
      expect(console_.problems).toEqual([]);
    });

    it('shows an account that cannot be read as such, not as an empty account', async () => {
      const { page } = suite.console;
      await page.goto('/console/accounts/00000000-0000-4000-8000-00000000dead');
      await page.getByRole('alert').filter({ hasText: 'The list could not be loaded' }).getByText(/not found/).waitFor();
      expect(await page.getByText('No users in this account').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Create user' }).isDisabled()).toBe(true);
    });
  },
);
