import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type {
  CreateUserBody,
  Invite,
  InviteUsersBody,
  ListUserNotificationsQuery,
  ListUsersQuery,
  TelephonySettings,
  UpdateUserBody,
  UpdateUserSettingsBody,
  User,
  UserNotification,
} from '../contract/account.schema';
import type { License, UserType } from '../contract/enums';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import { badRequest, conflict } from '../domain/numberyard-error';
import type { UsersTable } from '../storage/database-schema';
import type { AccountRow } from '../storage/repositories/account.repository';
import { userNotificationRepository } from '../storage/repositories/user-notification.repository';
import { userRepository, type UserRow } from '../storage/repositories/user.repository';
import { telephonyOf, toWireNotification, toWireUser, toWireUserView } from './account.mapper';
import { normalizeEmail, requireAccount, requireUser } from './account-lookup';
import { assertLicenseSupported } from './account.service';
import { callerActor, recordChanges } from './audit-trail';
import { decodeIntegerNextToken, decodeNextToken, listScope, toPage } from './next-token';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { updateUserRequiringSignIn } from './sign-in-notice';

type NewUser = Insertable<UsersTable>;

/** A new user of the account; calling and SMS are allowed until an administrator says otherwise. */
function newUser(account: AccountRow, email: string, fields: Partial<NewUser>, now: string): NewUser {
  return {
    id: randomUUID(),
    organization_id: account.organization_id,
    account_id: account.id,
    primary_email: email,
    display_name: null,
    license_type: account.default_license,
    user_type: 'PrivateUser',
    registration_status: 'Unregistered',
    invitation_status: null,
    invited_at: null,
    registered_at: null,
    inbound_calling: 1,
    outbound_calling: 1,
    sms: 1,
    sign_in_required_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
    ...fields,
  };
}

function describeTelephony(telephony: TelephonySettings): string {
  const onOff = (value: boolean) => (value ? 'on' : 'off');
  return `inbound calling ${onOff(telephony.InboundCalling)}, outbound calling ${onOff(telephony.OutboundCalling)}, SMS ${onOff(telephony.SMS)}`;
}


export function createUserService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    /**
     * An administrator provisions the user outright, so it is Registered at once (numberyard has no
     * sign-up flow that would register it later). The email is unique in the organization.
     */
    async create(caller: Caller, accountId: string, body: CreateUserBody): Promise<User> {
      const email = normalizeEmail(body.Email);
      const now = isoNow(ctx.clock);
      const row = await db.transaction().execute(async (trx) => {
        const account = await requireAccount(trx, caller, accountId);
        const [existing] = await userRepository.findByEmails(trx, caller.organizationId, [email]);
        if (existing) {
          throw conflict(`A user with email ${email} already exists${existing.account_id === accountId ? ' in this account' : ' in another account'}`);
        }
        const [created] = await userRepository.insertMany(trx, [
          newUser(account, email, { display_name: body.Username ?? null, user_type: body.UserType ?? 'PrivateUser', registration_status: 'Registered', registered_at: now }, now),
        ]);
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'CreateUser', resourceType: 'User', resourceId: created!.id, after: toWireUser(created!, null) },
        ]);
        return created!;
      });
      return toWireUser(row, null);
    },

    /**
     * Invites each address: a new user is created Unregistered with a Pending invitation. An address
     * that is already a user of this account is reported as it stands; one that belongs to another
     * account fails (a user has one account). numberyard sends no email: EmailStatus is NotSent.
     */
    async invite(caller: Caller, accountId: string, body: InviteUsersBody): Promise<Invite[]> {
      const emails = body.UserEmailList.map(normalizeEmail);
      const repeated = emails.find((email, i) => emails.indexOf(email) !== i);
      if (repeated !== undefined) throw badRequest(`Email ${repeated} appears more than once in UserEmailList`);
      const now = isoNow(ctx.clock);
      return db.transaction().execute(async (trx) => {
        const account = await requireAccount(trx, caller, accountId);
        const existing = new Map((await userRepository.findByEmails(trx, caller.organizationId, emails)).map((user) => [user.primary_email, user]));
        const toCreate = emails
          .filter((email) => !existing.has(email))
          .map((email) => newUser(account, email, { user_type: body.UserType ?? 'PrivateUser', invitation_status: 'Pending', invited_at: now }, now));
        const created = new Map((await userRepository.insertMany(trx, toCreate)).map((user) => [user.primary_email, user]));
        await recordChanges(
          trx,
          callerActor(caller),
          now,
          [...created.values()].map((user) => ({ operation: 'InviteUsers', resourceType: 'User' as const, resourceId: user.id, after: toWireUser(user, null) })),
        );
        return emails.map((email): Invite => {
          const user = created.get(email) ?? existing.get(email)!;
          if (user.account_id !== accountId) return { Status: 'Failed', EmailAddress: email, EmailStatus: 'NotSent' };
          return { InviteId: user.id, Status: (user.invitation_status as Invite['Status'] | null) ?? 'Accepted', EmailAddress: email, EmailStatus: 'NotSent' };
        });
      });
    },

    async list(caller: Caller, accountId: string, query: ListUsersQuery): Promise<{ Users: User[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const email = query['user-email'];
      await requireAccount(db, caller, accountId);
      const filter = { email: email === undefined ? undefined : normalizeEmail(email), userType: query['user-type'] };
      const scope = listScope('ListUsers', { AccountId: accountId, ...filter });
      const rows = await userRepository.listPage(db, caller.organizationId, accountId, filter, decodeNextToken(query['next-token'], scope), limit);
      const page = toPage(rows, limit, (row) => row.primary_email, scope);
      const result: { Users: User[]; NextToken?: string } = { Users: page.items.map(toWireUserView) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    async get(caller: Caller, accountId: string, userId: string): Promise<User> {
      return toWireUserView(await requireUser(db, caller, accountId, userId));
    },

    /** LicenseType and UserType; unchanged values write nothing. */
    async update(caller: Caller, accountId: string, userId: string, body: UpdateUserBody): Promise<User> {
      if (body.AlexaForBusinessMetadata !== undefined) throw badRequest('AlexaForBusinessMetadata is not supported by numberyard');
      if (body.LicenseType === undefined && body.UserType === undefined) throw badRequest('Specify LicenseType or UserType to update');
      if (body.LicenseType !== undefined) assertLicenseSupported('LicenseType', body.LicenseType);
      const now = isoNow(ctx.clock);
      const [before, after] = await db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, caller, accountId, userId);
        const changes: { license_type?: License; user_type?: UserType } = {};
        if (body.LicenseType !== undefined && body.LicenseType !== user.license_type) changes.license_type = body.LicenseType;
        if (body.UserType !== undefined && body.UserType !== user.user_type) changes.user_type = body.UserType;
        if (Object.keys(changes).length === 0) return [user, user] as const;
        const updated = await userRepository.updateIfVersion(trx, caller.organizationId, userId, user.version, { ...changes, updated_at: now });
        if (!updated) throw conflict(`User ${userId} was changed by another request at the same time; retry`);
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'UpdateUser', resourceType: 'User', resourceId: userId, before: toWireUserView(user), after: toWireUser(updated, user.primary_provisioned_number) },
        ]);
        return [user, updated] as const;
      });
      return toWireUser(after, before.primary_provisioned_number);
    },

    async getSettings(caller: Caller, accountId: string, userId: string): Promise<{ Telephony: TelephonySettings }> {
      return { Telephony: telephonyOf(await requireUser(db, caller, accountId, userId)) };
    },

    /**
     * A change of permissions reaches the user only after they sign in again: the user is marked and
     * told so in the same transaction. Sending the current values changes nothing.
     */
    async updateSettings(caller: Caller, accountId: string, userId: string, body: UpdateUserSettingsBody): Promise<void> {
      const wanted = body.UserSettings.Telephony;
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, caller, accountId, userId);
        const current = telephonyOf(user);
        if (current.InboundCalling === wanted.InboundCalling && current.OutboundCalling === wanted.OutboundCalling && current.SMS === wanted.SMS) return;
        const updated = await updateUserRequiringSignIn(
          trx,
          user,
          { inbound_calling: wanted.InboundCalling ? 1 : 0, outbound_calling: wanted.OutboundCalling ? 1 : 0, sms: wanted.SMS ? 1 : 0 },
          {
            kind: 'PermissionsChanged',
            primaryProvisionedNumber: user.primary_provisioned_number,
            message: `Your calling and SMS permissions changed (${describeTelephony(wanted)}); sign in again to apply them`,
          },
          now,
        );
        await recordChanges(trx, callerActor(caller), now, [
          {
            operation: 'UpdateUserSettings',
            resourceType: 'User',
            resourceId: userId,
            before: { Telephony: current, User: toWireUserView(user) },
            after: { Telephony: telephonyOf(updated), User: toWireUser(updated, user.primary_provisioned_number) },
          },
        ]);
      });
    },

    /**
     * Signs the user out: their next sign-in picks up any pending change, so the sign-in-required mark
     * is cleared. Audited even when nothing was pending, as an administrator's action on the user.
     */
    async logout(caller: Caller, accountId: string, userId: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, caller, accountId, userId);
        let updated: UserRow = user;
        if (user.sign_in_required_at !== null) {
          const cleared = await userRepository.updateIfVersion(trx, caller.organizationId, userId, user.version, { sign_in_required_at: null, updated_at: now });
          if (!cleared) throw conflict(`User ${userId} was changed by another request at the same time; retry`);
          updated = cleared;
        }
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'LogoutUser', resourceType: 'User', resourceId: userId, before: toWireUserView(user), after: toWireUser(updated, user.primary_provisioned_number) },
        ]);
      });
    },

    /** numberyard extension: the notifications queued for a user, oldest first. */
    async listNotifications(caller: Caller, accountId: string, userId: string, query: ListUserNotificationsQuery): Promise<{ Notifications: UserNotification[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const scope = listScope('ListUserNotifications', { UserId: userId });
      const after = decodeIntegerNextToken(query['next-token'], scope);
      await requireUser(db, caller, accountId, userId);
      const rows = await userNotificationRepository.listForUser(db, caller.organizationId, userId, after, limit);
      const page = toPage(rows, limit, (row) => String(row.id), scope);
      const result: { Notifications: UserNotification[]; NextToken?: string } = { Notifications: page.items.map(toWireNotification) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
