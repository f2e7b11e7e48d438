import {
  AssociatePhoneNumberWithUserCommand,
  CreateAccountCommand,
  CreateUserCommand,
  DisassociatePhoneNumberFromUserCommand,
  GetPhoneNumberCommand,
  GetUserCommand,
} from '@aws-sdk/client-chime';
import { expect, it } from 'vitest';
import { importNumbers } from '../support/inventory';
import { screenshot } from './support/browser';
import { dialog, expectDialogRefusal, expectFlash, expectTableNumbers, selectNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const FIRST = '+12065550960';
const SECOND = '+12065550961';

// Unassign from a page read before someone else changed the user's number: the console must take
// away the number the administrator chose, or nothing. DisassociatePhoneNumberFromUser itself names
// no number, so the console sends the one it shows (numberyard's phone-number extension).
describeConsole(
  'web console: Unassign a user’s number from an out-of-date view',
  { seed: (server) => importNumbers(server, [FIRST, SECOND], 'BusinessCalling') },
  (suite) => {
    it('refuses to unassign a number the user no longer holds and leaves the user’s new number alone', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const chime = server.admin.chime;
      const { Account } = await chime.send(new CreateAccountCommand({ Name: 'Stale Corp' }));
      const AccountId = Account!.AccountId!;
      const { User } = await chime.send(new CreateUserCommand({ AccountId, Username: 'Frida Nilsson', Email: 'frida@example.com' }));
      const UserId = User!.UserId!;
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId, UserId, E164PhoneNumber: FIRST }));

      await page.goto('/console/inventory?status=Assigned');
      await expectTableNumbers(page, [FIRST]);
      // Another administrator moves Frida to the second number while this page still shows the first.
      await chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId, UserId }));
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId, UserId, E164PhoneNumber: SECOND }));

      await selectNumbers(page, [FIRST]);
      await page.getByRole('button', { name: 'Unassign' }).click();
      await dialog(page).getByRole('checkbox').check();
      await dialog(page).getByRole('button', { name: 'Unassign' }).click();
      await expectDialogRefusal(page, `Phone number ${FIRST} is no longer assigned to user Frida Nilsson; they have ${SECOND} now`);
      await screenshot(page, `unassign-stale-user-${dialect}`);
      expect((await chime.send(new GetUserCommand({ AccountId, UserId }))).User?.PrimaryProvisionedNumber).toBe(SECOND);
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: SECOND }))).PhoneNumber?.Status).toBe('Assigned');
      await dialog(page).getByRole('button', { name: 'Cancel' }).click();

      // With a fresh view, Unassign takes the number the user holds and says whom to tell.
      await page.goto('/console/inventory?status=Assigned');
      await expectTableNumbers(page, [SECOND]);
      await selectNumbers(page, [SECOND]);
      await page.getByRole('button', { name: 'Unassign' }).click();
      await dialog(page).getByRole('checkbox').check();
      await dialog(page).getByRole('button', { name: 'Unassign' }).click();
      await expectFlash(page, `${SECOND} unassigned.`);
      await expectFlash(page, 'Frida Nilsson must sign out and sign in again. A notification about the change was queued for Frida Nilsson.');
      expect((await chime.send(new GetUserCommand({ AccountId, UserId }))).User?.PrimaryProvisionedNumber).toBeUndefined();
      expect(console_.problems).toEqual([]);
    });
  },
);
