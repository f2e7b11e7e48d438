import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AccountsTable } from '../database-schema';
import type { Executor } from '../executor';
import { versionedRows } from './versioned-rows';

export type AccountRow = Selectable<AccountsTable>;

export interface AccountFilter {
  /** Accounts whose name starts with this, compared exactly (case-sensitive) on every dialect. */
  namePrefix?: string | undefined;
  /** Only the account that has a user with this (normalized) email address. */
  userEmail?: string | undefined;
}

/** A keyset position in the (name, id) order of ListAccounts. */
export interface AccountPosition {
  name: string;
  id: string;
}

const accountsRows = versionedRows('accounts');

export const accountRepository = {
  ...accountsRows,


  /** One keyset page ordered by name then id; asks for one row more than `limit` so the caller knows whether more follow. */
  async listPage(db: Executor, organizationId: string, filter: AccountFilter, after: AccountPosition | undefined, limit: number): Promise<AccountRow[]> {
    let query = db.selectFrom('accounts').selectAll().where('organization_id', '=', organizationId);
    if (filter.namePrefix !== undefined) {
      // substr instead of LIKE: LIKE ignores case on SQLite but not on PostgreSQL, and needs escaping.
      const length = [...filter.namePrefix].length;
      query = query.where(sql<string>`substr(name, 1, ${sql.lit(length)})`, '=', filter.namePrefix);
    }
    if (filter.userEmail !== undefined) {
      const email = filter.userEmail;
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('users').select('users.account_id').where('users.organization_id', '=', organizationId).where('users.primary_email', '=', email),
      );
    }
    if (after) {
      query = query.where((eb) => eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]));
    }
    return query.orderBy('name').orderBy('id').limit(limit + 1).execute();
  },


};
