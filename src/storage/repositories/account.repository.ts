import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AccountsTable } from '../database-schema';
import type { Executor } from '../executor';

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

export const accountRepository = {
  async insert(db: Executor, row: Insertable<AccountsTable>): Promise<AccountRow> {
    return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async getInOrganization(db: Executor, organizationId: string, id: string): Promise<AccountRow | undefined> {
    return db.selectFrom('accounts').selectAll().where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
  },

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

  /** Applies `changes` only if the row is still at `expectedVersion`; undefined when it changed meanwhile. */
  async updateIfVersion(
    db: Executor,
    organizationId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<AccountsTable>,
  ): Promise<AccountRow | undefined> {
    return db
      .updateTable('accounts')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  /** Deletes the account only if it is still at `expectedVersion`. */
  async deleteIfVersion(db: Executor, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await db
      .deleteFrom('accounts')
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
};
