import { randomUUID } from 'node:crypto';
import {
  TEAM_DEFAULT_LICENSE,
  TEAM_SUPPORTED_LICENSES,
  type Account,
  type CreateAccountBody,
  type ListAccountsQuery,
  type UpdateAccountBody,
} from '../contract/account.schema';
import type { License } from '../contract/enums';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import { NumberyardError, badRequest, conflict } from '../domain/numberyard-error';
import { accountRepository, type AccountPosition, type AccountRow } from '../storage/repositories/account.repository';
import { phoneNumberRepository } from '../storage/repositories/phone-number.repository';
import { userNotificationRepository } from '../storage/repositories/user-notification.repository';
import { userRepository } from '../storage/repositories/user.repository';
import { toWireAccount, toWireUser } from './account.mapper';
import { normalizeEmail, requireAccount } from './account-lookup';
import { callerActor, recordChanges } from './audit-trail';
import { decodeNextToken, encodeNextToken, invalidNextToken, listScope, type ListScope } from './next-token';
import { isoNow, type Caller, type ServiceContext } from './service-context';

/** Team accounts offer only some licenses; the others are refused by name. */
export function assertLicenseSupported(member: string, license: License): void {
  if (!(TEAM_SUPPORTED_LICENSES as readonly License[]).includes(license)) {
    throw badRequest(`${member} ${license} is not offered by Team accounts; choose one of ${TEAM_SUPPORTED_LICENSES.join(', ')}`);
  }
}

// The accounts list is ordered by (name, id), so its NextToken carries both.
function encodePosition(row: AccountRow, scope: ListScope): string {
  return encodeNextToken(JSON.stringify([row.name, row.id]), scope);
}

function decodePosition(token: string | undefined, scope: ListScope): AccountPosition | undefined {
  const key = decodeNextToken(token, scope);
  if (key === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidNextToken();
}

/** How many held numbers a refused DeleteAccount names. */
const NUMBERS_NAMED = 5;

export function createAccountService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    async create(caller: Caller, body: CreateAccountBody): Promise<Account> {
      const now = isoNow(ctx.clock);
      const row = await db.transaction().execute(async (trx) => {
        const created = await accountRepository.insert(trx, {
          id: randomUUID(),
          organization_id: caller.organizationId,
          name: body.Name,
          account_type: 'Team',
          default_license: TEAM_DEFAULT_LICENSE,
          status: 'Active',
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'CreateAccount', resourceType: 'Account', resourceId: created.id, after: toWireAccount(created) },
        ]);
        return created;
      });
      return toWireAccount(row);
    },

    async list(caller: Caller, query: ListAccountsQuery): Promise<{ Accounts: Account[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const userEmail = query['user-email'];
      const scope = listScope('ListAccounts', { name: query.name, 'user-email': userEmail === undefined ? undefined : normalizeEmail(userEmail) });
      const rows = await accountRepository.listPage(
        db,
        caller.organizationId,
        { namePrefix: query.name, userEmail: userEmail === undefined ? undefined : normalizeEmail(userEmail) },
        decodePosition(query['next-token'], scope),
        limit,
      );
      const items = rows.slice(0, limit);
      const result: { Accounts: Account[]; NextToken?: string } = { Accounts: items.map(toWireAccount) };
      if (rows.length > limit) result.NextToken = encodePosition(items[items.length - 1]!, scope);
      return result;
    },

    async get(caller: Caller, accountId: string): Promise<Account> {
      return toWireAccount(await requireAccount(db, caller, accountId));
    },

    /** Only the name and the default license can change (as in Chime). Unchanged values write nothing. */
    async update(caller: Caller, accountId: string, body: UpdateAccountBody): Promise<Account> {
      if (body.Name === undefined && body.DefaultLicense === undefined) throw badRequest('Specify Name or DefaultLicense to update');
      if (body.DefaultLicense !== undefined) assertLicenseSupported('DefaultLicense', body.DefaultLicense);
      const now = isoNow(ctx.clock);
      const row = await db.transaction().execute(async (trx) => {
        const account = await requireAccount(trx, caller, accountId);
        const changes: Partial<AccountRow> = {};
        if (body.Name !== undefined && body.Name !== account.name) changes.name = body.Name;
        if (body.DefaultLicense !== undefined && body.DefaultLicense !== account.default_license) changes.default_license = body.DefaultLicense;
        if (Object.keys(changes).length === 0) return account;
        const updated = await accountRepository.updateIfVersion(trx, caller.organizationId, accountId, account.version, { ...changes, updated_at: now });
        if (!updated) throw conflict(`Account ${accountId} was changed by another request at the same time; retry`);
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'UpdateAccount', resourceType: 'Account', resourceId: accountId, before: toWireAccount(account), after: toWireAccount(updated) },
        ]);
        return updated;
      });
      return toWireAccount(row);
    },

    /**
     * Refused (UnprocessableEntity, as Chime declares for DeleteAccount) while any of its users holds a
     * number: unassigning is a deliberate, confirmed step of its own. Otherwise the account goes with
     * its users and their queued notifications, each user's removal audited.
     */
    async delete(caller: Caller, accountId: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const account = await requireAccount(trx, caller, accountId);
        const held = await phoneNumberRepository.listPage(
          trx,
          caller.organizationId,
          { association: { name: 'AccountId', value: accountId } },
          undefined,
          NUMBERS_NAMED,
        );
        if (held.length > 0) {
          const named = held.slice(0, NUMBERS_NAMED).map((row) => row.e164).join(', ');
          throw new NumberyardError(
            'Unprocessable',
            `Account ${accountId} cannot be deleted while its users have phone numbers (${named}${held.length > NUMBERS_NAMED ? ', ...' : ''}); disassociate them first`,
          );
        }
        const users = await userRepository.listByAccount(trx, caller.organizationId, accountId);
        await userNotificationRepository.deleteForAccount(trx, caller.organizationId, accountId);
        await userRepository.deleteByAccount(trx, caller.organizationId, accountId);
        if (!(await accountRepository.deleteIfVersion(trx, caller.organizationId, accountId, account.version))) {
          throw conflict(`Account ${accountId} was changed by another request at the same time; retry`);
        }
        await recordChanges(trx, callerActor(caller), now, [
          ...users.map((user) => ({ operation: 'DeleteUser', resourceType: 'User' as const, resourceId: user.id, before: toWireUser(user, null) })),
          { operation: 'DeleteAccount', resourceType: 'Account', resourceId: accountId, before: toWireAccount(account) },
        ]);
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
