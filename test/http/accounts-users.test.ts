import {
  AssociatePhoneNumberWithUserCommand,
  BadRequestException,
  ConflictException,
  CreateAccountCommand,
  CreateUserCommand,
  DeleteAccountCommand,
  DisassociatePhoneNumberFromUserCommand,
  GetAccountCommand,
  GetPhoneNumberCommand,
  GetUserCommand,
  GetUserSettingsCommand,
  InviteUsersCommand,
  ListAccountsCommand,
  ListPhoneNumbersCommand,
  ListUsersCommand,
  LogoutUserCommand,
  NotFoundException,
  UnprocessableEntityException,
  UpdateAccountCommand,
  UpdateUserCommand,
  UpdateUserSettingsCommand,
  paginateListAccounts,
  paginateListUsers,
  type ChimeClient,
  type License,
} from '@aws-sdk/client-chime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import type { ListUserNotificationsResponse, User } from '../../src/contract/account.schema';
import type { PhoneNumber } from '../../src/contract/phone-number.schema';
import type { Static } from 'typebox';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { rawSignedRequest } from '../support/raw-signed-request';
import { TEST_REGION, startTestServer, type TestOrganization, type TestServer } from '../support/test-server';

const ALL_ON = { InboundCalling: true, OutboundCalling: true, SMS: true };

for (const dialect of DIALECTS) {
  describe(`Business Calling accounts and users through the legacy chime client [${dialect}]`, () => {
    let server: TestServer;
    let chime: ChimeClient;
    let emailCounter = 0;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      chime = server.admin.chime;
    });
    afterAll(async () => server?.close());

    const nextEmail = () => `person${++emailCounter}@example.com`;

    async function newAccount(name = 'Example Corp', client = chime): Promise<string> {
      const { Account } = await client.send(new CreateAccountCommand({ Name: name }));
      return Account!.AccountId!;
    }

    async function newUser(accountId: string, client = chime): Promise<string> {
      const { User } = await client.send(new CreateUserCommand({ AccountId: accountId, Email: nextEmail(), Username: 'Jane Doe' }));
      return User!.UserId!;
    }

    /** numberyard's extension fields are not modelled by the SDK: read them from the raw JSON. */
    async function raw<T>(path: string, as: TestOrganization = server.admin): Promise<{ status: number; body: T }> {
      return signedFetch<T>({ endpoint: server.url, region: TEST_REGION, credentials: as.credentials }, 'GET', path);
    }

    const rawUser = async (accountId: string, userId: string) => (await raw<{ User: User }>(`/accounts/${accountId}/users/${userId}`)).body.User;
    const rawNumber = async (e164: string) => (await raw<{ PhoneNumber: PhoneNumber }>(`/phone-numbers/${encodeURIComponent(e164)}`)).body.PhoneNumber;
    const notifications = async (accountId: string, userId: string) =>
      (await raw<Static<typeof ListUserNotificationsResponse>>(`/accounts/${accountId}/users/${userId}/notifications`)).body.Notifications;

    it('creates a Team account of the caller’s organization and reads it back', async () => {
      const created = await chime.send(new CreateAccountCommand({ Name: 'Acme Sales' }));
      expect(created.$metadata.httpStatusCode).toBe(201);
      expect(created.Account).toMatchObject({
        AwsAccountId: server.admin.organizationId,
        Name: 'Acme Sales',
        AccountType: 'Team',
        DefaultLicense: 'Pro',
        SupportedLicenses: ['Basic', 'Pro'],
        AccountStatus: 'Active',
      });
      expect(created.Account?.CreatedTimestamp).toBeInstanceOf(Date);
      const { Account } = await chime.send(new GetAccountCommand({ AccountId: created.Account!.AccountId }));
      expect(Account).toEqual(created.Account);
    });

    it('refuses bad account names and licenses with BadRequest and changes nothing', async () => {
      await expect(chime.send(new CreateAccountCommand({ Name: '' }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(chime.send(new CreateAccountCommand({ Name: '   ' }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(chime.send(new CreateAccountCommand({ Name: 'x'.repeat(101) }))).rejects.toBeInstanceOf(BadRequestException);
      const accountId = await newAccount('Licensing');
      await expect(chime.send(new UpdateAccountCommand({ AccountId: accountId, DefaultLicense: 'Gold' as License }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(chime.send(new UpdateAccountCommand({ AccountId: accountId, DefaultLicense: 'Plus' }))).rejects.toThrow(/Plus is not offered by Team accounts; choose one of Basic, Pro/);
      await expect(chime.send(new UpdateAccountCommand({ AccountId: accountId }))).rejects.toThrow(/Specify Name or DefaultLicense/);
      await expect(chime.send(new UpdateAccountCommand({ AccountId: accountId, Name: 'y'.repeat(101) }))).rejects.toBeInstanceOf(BadRequestException);
      const { Account } = await chime.send(new GetAccountCommand({ AccountId: accountId }));
      expect(Account).toMatchObject({ Name: 'Licensing', DefaultLicense: 'Pro' });
    });

    it('updates the name and default license; new users get the default license', async () => {
      const accountId = await newAccount('Before');
      const { Account } = await chime.send(new UpdateAccountCommand({ AccountId: accountId, Name: 'After', DefaultLicense: 'Basic' }));
      expect(Account).toMatchObject({ Name: 'After', DefaultLicense: 'Basic' });
      const { User } = await chime.send(new CreateUserCommand({ AccountId: accountId, Email: nextEmail() }));
      expect(User?.LicenseType).toBe('Basic');
    });

    it('lists accounts by name prefix and user email, page by page', async () => {
      const other = await server.newOrganization();
      const ids = [];
      for (const name of ['Paging 1', 'Paging 2', 'Paging 3', 'Paging 4', 'Paging 5']) ids.push(await newAccount(name));
      await newAccount('Paging 6 (theirs)', other.chime);
      await newAccount('paging lower case');
      const seen: string[] = [];
      for await (const page of paginateListAccounts({ client: chime, pageSize: 2 }, { Name: 'Paging' })) {
        expect(page.Accounts!.length).toBeLessThanOrEqual(2);
        seen.push(...page.Accounts!.map((a) => a.Name!));
      }
      expect(seen).toEqual(['Paging 1', 'Paging 2', 'Paging 3', 'Paging 4', 'Paging 5']);

      const email = nextEmail();
      await chime.send(new CreateUserCommand({ AccountId: ids[2], Email: email }));
      const byEmail = await chime.send(new ListAccountsCommand({ UserEmail: email.toUpperCase() }));
      expect(byEmail.Accounts?.map((a) => a.AccountId)).toEqual([ids[2]]);
      expect((await chime.send(new ListAccountsCommand({ UserEmail: 'nobody@example.com' }))).Accounts).toEqual([]);
      await expect(chime.send(new ListAccountsCommand({ NextToken: 'bogus!' }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(chime.send(new ListAccountsCommand({ MaxResults: 101 }))).rejects.toBeInstanceOf(BadRequestException);
    });

    it('creates and invites users, refusing duplicates, bad emails and more than 50 invitations', async () => {
      const accountId = await newAccount('People');
      const email = nextEmail();
      const created = await chime.send(new CreateUserCommand({ AccountId: accountId, Email: email, Username: 'Ann Lee', UserType: 'SharedDevice' }));
      expect(created.$metadata.httpStatusCode).toBe(201);
      expect(created.User).toMatchObject({
        AccountId: accountId,
        PrimaryEmail: email,
        DisplayName: 'Ann Lee',
        LicenseType: 'Pro',
        UserType: 'SharedDevice',
        UserRegistrationStatus: 'Registered',
      });
      expect(created.User?.RegisteredOn).toBeInstanceOf(Date);
      expect(created.User?.PrimaryProvisionedNumber).toBeUndefined();

      const duplicate = chime.send(new CreateUserCommand({ AccountId: accountId, Email: email.toUpperCase() }));
      await expect(duplicate).rejects.toBeInstanceOf(ConflictException);
      await expect(duplicate).rejects.toThrow(/already exists in this account/);
      await expect(chime.send(new CreateUserCommand({ AccountId: accountId, Email: 'not-an-email' }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(chime.send(new CreateUserCommand({ AccountId: accountId, Email: nextEmail(), UserType: 'Robot' as 'PrivateUser' }))).rejects.toBeInstanceOf(
        BadRequestException,
      );

      const tooMany = Array.from({ length: 51 }, (_, i) => `bulk${i}@example.com`);
      await expect(chime.send(new InviteUsersCommand({ AccountId: accountId, UserEmailList: tooMany }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(chime.send(new InviteUsersCommand({ AccountId: accountId, UserEmailList: ['a@example.com', 'A@example.com'] }))).rejects.toThrow(
        /more than once/,
      );
      expect((await chime.send(new ListUsersCommand({ AccountId: accountId, UserEmail: 'bulk0@example.com' }))).Users).toEqual([]);

      const elsewhere = nextEmail();
      await chime.send(new CreateUserCommand({ AccountId: await newAccount('Elsewhere'), Email: elsewhere }));
      const invited = nextEmail();
      const result = await chime.send(new InviteUsersCommand({ AccountId: accountId, UserEmailList: [invited, email, elsewhere] }));
      expect(result.$metadata.httpStatusCode).toBe(201);
      expect(result.Invites).toEqual([
        { InviteId: expect.any(String), Status: 'Pending', EmailAddress: invited, EmailStatus: 'NotSent' },
        { InviteId: created.User!.UserId, Status: 'Accepted', EmailAddress: email, EmailStatus: 'NotSent' },
        { Status: 'Failed', EmailAddress: elsewhere, EmailStatus: 'NotSent' },
      ]);
      const { User } = await chime.send(new GetUserCommand({ AccountId: accountId, UserId: result.Invites![0]!.InviteId }));
      expect(User).toMatchObject({ PrimaryEmail: invited, UserRegistrationStatus: 'Unregistered', UserInvitationStatus: 'Pending' });
      expect(User?.InvitedOn).toBeInstanceOf(Date);
    });

    it('lists users by email and type, page by page, and updates license and type', async () => {
      const accountId = await newAccount('Listing');
      const emails = ['l1@example.com', 'l2@example.com', 'l3@example.com', 'l4@example.com', 'l5@example.com'];
      await chime.send(new InviteUsersCommand({ AccountId: accountId, UserEmailList: emails }));
      const seen: string[] = [];
      for await (const page of paginateListUsers({ client: chime, pageSize: 2 }, { AccountId: accountId })) {
        expect(page.Users!.length).toBeLessThanOrEqual(2);
        seen.push(...page.Users!.map((u) => u.PrimaryEmail!));
      }
      expect(seen).toEqual(emails);
      const one = await chime.send(new ListUsersCommand({ AccountId: accountId, UserEmail: 'L3@example.com' }));
      expect(one.Users?.map((u) => u.PrimaryEmail)).toEqual(['l3@example.com']);

      const userId = one.Users![0]!.UserId!;
      const updated = await chime.send(new UpdateUserCommand({ AccountId: accountId, UserId: userId, LicenseType: 'Basic', UserType: 'SharedDevice' }));
      expect(updated.User).toMatchObject({ LicenseType: 'Basic', UserType: 'SharedDevice' });
      const shared = await chime.send(new ListUsersCommand({ AccountId: accountId, UserType: 'SharedDevice' }));
      expect(shared.Users?.map((u) => u.UserId)).toEqual([userId]);
      await expect(chime.send(new UpdateUserCommand({ AccountId: accountId, UserId: userId, LicenseType: 'ProTrial' }))).rejects.toThrow(/not offered/);
      await expect(chime.send(new UpdateUserCommand({ AccountId: accountId, UserId: userId, LicenseType: 'Gold' as License }))).rejects.toBeInstanceOf(
        BadRequestException,
      );
      await expect(chime.send(new UpdateUserCommand({ AccountId: accountId, UserId: userId }))).rejects.toThrow(/Specify LicenseType or UserType/);
      await expect(
        chime.send(new UpdateUserCommand({ AccountId: accountId, UserId: userId, AlexaForBusinessMetadata: { IsAlexaForBusinessEnabled: true } })),
      ).rejects.toThrow(/AlexaForBusinessMetadata is not supported/);
      expect((await chime.send(new GetUserCommand({ AccountId: accountId, UserId: userId }))).User?.LicenseType).toBe('Basic');
    });

    it('treats another organization’s accounts, users and numbers as missing', async () => {
      const other = await server.newOrganization();
      const theirAccount = await newAccount('Theirs', other.chime);
      const theirUser = await newUser(theirAccount, other.chime);
      const myAccount = await newAccount('Mine');
      const myUser = await newUser(myAccount);
      const [myNumber] = usNumbers(1, 1100);
      await importNumbers(server, [myNumber!], 'BusinessCalling');

      await expect(chime.send(new GetAccountCommand({ AccountId: theirAccount }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new UpdateAccountCommand({ AccountId: theirAccount, Name: 'Taken' }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new DeleteAccountCommand({ AccountId: theirAccount }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new ListUsersCommand({ AccountId: theirAccount }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new GetUserCommand({ AccountId: theirAccount, UserId: theirUser }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new CreateUserCommand({ AccountId: theirAccount, Email: nextEmail() }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(
        chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: theirAccount, UserId: theirUser, E164PhoneNumber: myNumber })),
      ).rejects.toBeInstanceOf(NotFoundException);
      // Their key cannot put my number on their user either.
      await expect(
        other.chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: theirAccount, UserId: theirUser, E164PhoneNumber: myNumber })),
      ).rejects.toThrow(/not found/);
      // A user addressed under the wrong account is missing too.
      await expect(chime.send(new GetUserCommand({ AccountId: await newAccount('Wrong'), UserId: myUser }))).rejects.toBeInstanceOf(NotFoundException);
      expect((await chime.send(new ListAccountsCommand({ Name: 'Theirs' }))).Accounts).toEqual([]);
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: myNumber }))).PhoneNumber?.Status).toBe('Unassigned');
      // The same email address may exist in two organizations.
      const { User } = await other.chime.send(new GetUserCommand({ AccountId: theirAccount, UserId: theirUser }));
      await expect(chime.send(new CreateUserCommand({ AccountId: myAccount, Email: User!.PrimaryEmail }))).resolves.toBeDefined();
    });

    it('associates a Business Calling number with a user and shows it on both', async () => {
      const accountId = await newAccount('Assign');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 1200);
      await importNumbers(server, [number!], 'BusinessCalling');

      const associated = await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      expect(associated.$metadata.httpStatusCode).toBe(200);
      const { User } = await chime.send(new GetUserCommand({ AccountId: accountId, UserId: userId }));
      expect(User?.PrimaryProvisionedNumber).toBe(number);
      const { PhoneNumber } = await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: number }));
      expect(PhoneNumber?.Status).toBe('Assigned');
      expect(PhoneNumber?.Associations?.map((a) => [a.Name, a.Value])).toEqual([
        ['AccountId', accountId],
        ['UserId', userId],
      ]);
      expect(PhoneNumber?.Capabilities).toEqual({ InboundCall: true, OutboundCall: true, InboundSMS: true, OutboundSMS: true, InboundMMS: true, OutboundMMS: true });
      const byUser = await chime.send(new ListPhoneNumbersCommand({ FilterName: 'UserId', FilterValue: userId }));
      expect(byUser.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual([number]);

      // The change waits for the user's next sign-in, and the user is told so.
      const user = await rawUser(accountId, userId);
      expect(user.SignInRequired).toBe(true);
      expect(user.SignInRequiredSince).toEqual(expect.any(String));
      expect((await rawNumber(number!)).SignInRequired).toBe(true);
      const queued = await notifications(accountId, userId);
      expect(queued).toEqual([
        {
          NotificationId: expect.any(String),
          Kind: 'PhoneNumberChanged',
          Payload: { AccountId: accountId, UserId: userId, PrimaryProvisionedNumber: number, Telephony: ALL_ON, Message: expect.stringContaining('sign in again') },
          CreatedTimestamp: expect.any(String),
        },
      ]);

      // Associating the number the user already holds changes nothing.
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      expect(await notifications(accountId, userId)).toHaveLength(1);
    });

    it('refuses a number of another product type, naming both', async () => {
      const accountId = await newAccount('Wrong type');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 1300);
      await importNumbers(server, [number!], 'VoiceConnector');
      const attempt = chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      await expect(attempt).rejects.toBeInstanceOf(BadRequestException);
      await expect(attempt).rejects.toThrow(/Voice Connector.*Business Calling/);
      await expect(
        chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: '+12065550000' })),
      ).rejects.toBeInstanceOf(NotFoundException);
      await expect(
        chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: '2065550000' })),
      ).rejects.toBeInstanceOf(BadRequestException);
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber?.Status).toBe('Unassigned');
      expect((await rawUser(accountId, userId)).SignInRequired).toBe(false);
    });

    it('refuses a number held by another user and a second number for the same user', async () => {
      const accountId = await newAccount('One each');
      const [first, second] = [await newUser(accountId), await newUser(accountId)];
      const numbers = usNumbers(2, 1400);
      await importNumbers(server, numbers, 'BusinessCalling');
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: first, E164PhoneNumber: numbers[0] }));

      const taken = chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: second, E164PhoneNumber: numbers[0] }));
      await expect(taken).rejects.toBeInstanceOf(ConflictException);
      await expect(taken).rejects.toThrow(/already assigned to a Business Calling user/);
      const secondNumber = chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: first, E164PhoneNumber: numbers[1] }));
      await expect(secondNumber).rejects.toBeInstanceOf(ConflictException);
      await expect(secondNumber).rejects.toThrow(new RegExp(`already has phone number \\${numbers[0]}`));
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: numbers[1] }))).PhoneNumber?.Status).toBe('Unassigned');
      expect((await chime.send(new GetUserCommand({ AccountId: accountId, UserId: second }))).User?.PrimaryProvisionedNumber).toBeUndefined();
    });

    it('lets exactly one of two racing requests take a number', async () => {
      const accountId = await newAccount('Race');
      const users = [await newUser(accountId), await newUser(accountId), await newUser(accountId)];
      const [number] = usNumbers(1, 1500);
      await importNumbers(server, [number!], 'BusinessCalling');
      const results = await Promise.allSettled(
        users.map((userId) => chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const failure of results.filter((r) => r.status === 'rejected')) expect(failure.reason).toBeInstanceOf(ConflictException);
      const holders = (await chime.send(new ListUsersCommand({ AccountId: accountId }))).Users!.filter((u) => u.PrimaryProvisionedNumber === number);
      expect(holders).toHaveLength(1);
    });

    it('round-trips calling and SMS permissions into the number’s capabilities', async () => {
      const accountId = await newAccount('Permissions');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 1600);
      await importNumbers(server, [number!], 'BusinessCalling');
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: userId }));

      expect((await chime.send(new GetUserSettingsCommand({ AccountId: accountId, UserId: userId }))).UserSettings).toEqual({ Telephony: ALL_ON });
      const telephony = { InboundCalling: true, OutboundCalling: false, SMS: false };
      const updated = await chime.send(new UpdateUserSettingsCommand({ AccountId: accountId, UserId: userId, UserSettings: { Telephony: telephony } }));
      expect(updated.$metadata.httpStatusCode).toBe(204);
      expect((await chime.send(new GetUserSettingsCommand({ AccountId: accountId, UserId: userId }))).UserSettings).toEqual({ Telephony: telephony });

      const expected = { InboundCall: true, OutboundCall: false, InboundSMS: false, OutboundSMS: false, InboundMMS: false, OutboundMMS: false };
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber?.Capabilities).toEqual(expected);
      const listed = await chime.send(new ListPhoneNumbersCommand({ FilterName: 'AccountId', FilterValue: accountId }));
      expect(listed.PhoneNumbers?.map((p) => p.Capabilities)).toEqual([expected]);

      expect((await rawUser(accountId, userId)).SignInRequired).toBe(true);
      const queued = await notifications(accountId, userId);
      expect(queued.map((n) => n.Kind)).toEqual(['PhoneNumberChanged', 'PermissionsChanged']);
      expect(queued[1]?.Payload).toMatchObject({ PrimaryProvisionedNumber: number, Telephony: telephony });

      // Sending the current values again changes nothing and tells nobody.
      await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: userId }));
      await chime.send(new UpdateUserSettingsCommand({ AccountId: accountId, UserId: userId, UserSettings: { Telephony: telephony } }));
      expect(await notifications(accountId, userId)).toHaveLength(2);
      expect((await rawUser(accountId, userId)).SignInRequired).toBe(false);
      await expect(
        chime.send(new UpdateUserSettingsCommand({ AccountId: accountId, UserId: userId, UserSettings: { Telephony: { InboundCalling: true } as typeof telephony } })),
      ).rejects.toBeInstanceOf(BadRequestException);
    });

    it('clears the sign-in-required mark when the user is logged out', async () => {
      const accountId = await newAccount('Sign in');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 1700);
      await importNumbers(server, [number!], 'BusinessCalling');
      expect((await rawUser(accountId, userId)).SignInRequired).toBe(false);
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      const marked = await rawUser(accountId, userId);
      expect(marked).toMatchObject({ SignInRequired: true, SignInRequiredSince: expect.any(String) });
      const listed = await raw<{ Users: User[] }>(`/accounts/${accountId}/users`);
      expect(listed.body.Users[0]?.SignInRequired).toBe(true);

      const logout = await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: userId }));
      expect(logout.$metadata.httpStatusCode).toBe(204);
      const cleared = await rawUser(accountId, userId);
      expect(cleared.SignInRequired).toBe(false);
      expect(cleared.SignInRequiredSince).toBeUndefined();
      expect((await rawNumber(number!)).SignInRequired).toBe(false);
      await expect(chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: 'no-such-user' }))).rejects.toBeInstanceOf(NotFoundException);
    });

    it('disassociates the number: the number is Unassigned and the user is told', async () => {
      const accountId = await newAccount('Unassign');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 1800);
      await importNumbers(server, [number!], 'BusinessCalling');
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: userId }));

      const result = await chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: accountId, UserId: userId }));
      expect(result.$metadata.httpStatusCode).toBe(200);
      const { PhoneNumber } = await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: number }));
      expect(PhoneNumber).toMatchObject({ Status: 'Unassigned', Associations: [], ProductType: 'BusinessCalling' });
      const user = await rawUser(accountId, userId);
      expect(user.PrimaryProvisionedNumber).toBeUndefined();
      expect(user.SignInRequired).toBe(true);
      const queued = await notifications(accountId, userId);
      expect(queued.at(-1)).toMatchObject({ Kind: 'PhoneNumberChanged', Payload: { UserId: userId, Message: expect.stringContaining(`${number} was removed`) } });
      expect(queued.at(-1)?.Payload.PrimaryProvisionedNumber).toBeUndefined();

      await expect(chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: accountId, UserId: userId }))).rejects.toThrow(/has no phone number/);
      // The number can go to someone else now.
      const next = await newUser(accountId);
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: next, E164PhoneNumber: number }));
      expect((await chime.send(new GetUserCommand({ AccountId: accountId, UserId: next }))).User?.PrimaryProvisionedNumber).toBe(number);
    });

    it('with phone-number (numberyard extension), disassociates only if that is still the user’s number', async () => {
      const accountId = await newAccount('Stale view');
      const userId = await newUser(accountId);
      const [first, second] = usNumbers(2, 1850);
      await importNumbers(server, [first!, second!], 'BusinessCalling');
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: first }));
      // Meanwhile someone else gives the user another number.
      await chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: accountId, UserId: userId }));
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: second }));

      const signing = { credentials: server.admin.credentials };
      const path = (e164: string) => `/accounts/${accountId}/users/${userId}?operation=disassociate-phone-number&phone-number=${encodeURIComponent(e164)}`;
      const stale = await rawSignedRequest(server.url, { method: 'POST', path: path(first!) }, signing);
      expect([stale.status, stale.headers.get('x-amzn-errortype')]).toEqual([409, 'ConflictException']);
      expect((stale.json as { Message: string }).Message).toContain(`they have ${second} now`);
      expect((await chime.send(new GetUserCommand({ AccountId: accountId, UserId: userId }))).User?.PrimaryProvisionedNumber).toBe(second);
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: second }))).PhoneNumber?.Status).toBe('Assigned');

      const current = await rawSignedRequest(server.url, { method: 'POST', path: path(second!) }, signing);
      expect(current.status).toBe(200);
      expect((await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: second }))).PhoneNumber?.Status).toBe('Unassigned');
      const bad = await rawSignedRequest(server.url, { method: 'POST', path: path('12065550100') }, signing);
      expect(bad.status).toBe(400);
    });

    it('refuses to delete an account while a user has a number, then deletes it with its users', async () => {
      const accountId = await newAccount('Doomed');
      const [holder, idle] = [await newUser(accountId), await newUser(accountId)];
      const { User } = await chime.send(new GetUserCommand({ AccountId: accountId, UserId: idle }));
      const [number] = usNumbers(1, 1900);
      await importNumbers(server, [number!], 'BusinessCalling');
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: holder, E164PhoneNumber: number }));

      const refused = chime.send(new DeleteAccountCommand({ AccountId: accountId }));
      await expect(refused).rejects.toBeInstanceOf(UnprocessableEntityException);
      await expect(refused).rejects.toThrow(new RegExp(`while its users have phone numbers \\(\\${number}\\); disassociate them first`));
      expect((await chime.send(new GetAccountCommand({ AccountId: accountId }))).Account?.AccountStatus).toBe('Active');

      await chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: accountId, UserId: holder }));
      const deleted = await chime.send(new DeleteAccountCommand({ AccountId: accountId }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      await expect(chime.send(new GetAccountCommand({ AccountId: accountId }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new GetUserCommand({ AccountId: accountId, UserId: holder }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(chime.send(new DeleteAccountCommand({ AccountId: accountId }))).rejects.toBeInstanceOf(NotFoundException);
      // Its users' email addresses are free again.
      const again = await chime.send(new CreateUserCommand({ AccountId: await newAccount('Reborn'), Email: User!.PrimaryEmail }));
      expect(again.User?.PrimaryEmail).toBe(User!.PrimaryEmail);
    });

    it('answers malformed or wrongly typed input on every route with a typed 4xx and changes nothing', async () => {
      const accountId = await newAccount('Strict');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 2100);
      await importNumbers(server, [number!], 'BusinessCalling');
      const user = `/accounts/${accountId}/users/${userId}`;
      const badBodies: [string, string, string][] = [
        ['POST', '/accounts', '{"Name": "x"'],
        ['POST', '/accounts', ''],
        ['POST', '/accounts', '{"Name": 12}'],
        ['POST', '/accounts', '[]'],
        ['POST', `/accounts/${accountId}`, '{"DefaultLicense": 1}'],
        ['POST', `/accounts/${accountId}`, '{"Name": ""}'],
        ['POST', `/accounts/${accountId}/users?operation=create`, '{"Email": ["a@example.com"]}'],
        ['POST', `/accounts/${accountId}/users?operation=create`, 'null'],
        ['POST', `/accounts/${accountId}/users?operation=add`, '{"UserEmailList": "a@example.com"}'],
        ['POST', `/accounts/${accountId}/users?operation=add`, '{"UserEmailList": []}'],
        ['POST', `/accounts/${accountId}/users?operation=add`, '{"UserEmailList": ["a@example.com"], "UserType": "Robot"}'],
        ['POST', user, '{"LicenseType": "pro"}'],
        ['PUT', `${user}/settings`, '{}'],
        ['PUT', `${user}/settings`, '{"UserSettings": {"Telephony": {"InboundCalling": "true", "OutboundCalling": true, "SMS": true}}}'],
        ['POST', `${user}?operation=associate-phone-number`, '{}'],
        ['POST', `${user}?operation=associate-phone-number`, '{"E164PhoneNumber": 12065550100}'],
        ['POST', `${user}?operation=associate-phone-number`, `{"E164PhoneNumber": "${number}"`],
      ];
      const badQueries = [
        '/accounts?max-results=0',
        '/accounts?max-results=abc',
        '/accounts?user-email=not-an-email',
        '/accounts?name=',
        '/accounts?next-token=bogus!',
        `/accounts/${accountId}/users?user-type=Robot`,
        `/accounts/${accountId}/users?next-token=${encodeURIComponent(Buffer.from('{"a":1}').toString('base64url'))}`,
        `${user}/notifications?next-token=${Buffer.from('{"a":"x"}').toString('base64url')}`,
        `${user}/notifications?max-results=101`,
      ];
      const { db } = server.server.database;
      const snapshot = async () => ({
        accounts: await db.selectFrom('accounts').selectAll().orderBy('id').execute(),
        users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
        notifications: Number((await db.selectFrom('user_notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        auditEvents: Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        number: await db.selectFrom('phone_numbers').selectAll().where('e164', '=', number!).executeTakeFirstOrThrow(),
      });
      const before = await snapshot();
      const signing = { credentials: server.admin.credentials };
      for (const [method, path, body] of badBodies) {
        const response = await rawSignedRequest(server.url, { method, path, body }, signing);
        expect([method, path, body, response.status, response.headers.get('x-amzn-errortype')]).toEqual([method, path, body, 400, 'BadRequestException']);
      }
      for (const path of badQueries) {
        const response = await rawSignedRequest(server.url, { method: 'GET', path }, signing);
        expect([path, response.status, response.headers.get('x-amzn-errortype')]).toEqual([path, 400, 'BadRequestException']);
      }
      const unknownOperation = await rawSignedRequest(server.url, { method: 'POST', path: `${user}?operation=reset-personal-pin` }, signing);
      expect(unknownOperation.status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });

    it('audits every change with the caller’s access key as actor', async () => {
      const accountId = await newAccount('Audited');
      const userId = await newUser(accountId);
      const [number] = usNumbers(1, 2000);
      await importNumbers(server, [number!], 'BusinessCalling');
      await chime.send(new UpdateAccountCommand({ AccountId: accountId, Name: 'Audited 2' }));
      await chime.send(new UpdateUserCommand({ AccountId: accountId, UserId: userId, LicenseType: 'Basic' }));
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: userId, E164PhoneNumber: number }));
      await chime.send(new UpdateUserSettingsCommand({ AccountId: accountId, UserId: userId, UserSettings: { Telephony: { InboundCalling: false, OutboundCalling: true, SMS: true } } }));
      await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: userId }));
      await chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: accountId, UserId: userId }));
      await chime.send(new DeleteAccountCommand({ AccountId: accountId }));

      const { db } = server.server.database;
      const events = await db
        .selectFrom('audit_events')
        .select(['actor', 'operation', 'resource_type', 'resource_id', 'organization_id'])
        .where((eb) => eb.or([eb('resource_id', 'in', [accountId, userId]), eb.and([eb('resource_id', '=', number!), eb('resource_type', '=', 'PhoneNumber')])]))
        .orderBy('id')
        .execute();
      expect(events.map((e) => `${e.operation} ${e.resource_type}`)).toEqual([
        'CreateAccount Account',
        'CreateUser User',
        'ImportPhoneNumber PhoneNumber',
        'UpdateAccount Account',
        'UpdateUser User',
        'AssociatePhoneNumberWithUser PhoneNumber',
        'AssociatePhoneNumberWithUser User',
        'UpdateUserSettings User',
        'LogoutUser User',
        'DisassociatePhoneNumberFromUser PhoneNumber',
        'DisassociatePhoneNumberFromUser User',
        'DeleteUser User',
        'DeleteAccount Account',
      ]);
      for (const event of events) {
        expect(event.actor).toBe(server.admin.credentials.accessKeyId);
        expect(event.organization_id).toBe(server.admin.organizationId);
      }
    });
  });
}
