import type { Insertable, Selectable, Updateable } from 'kysely';
import type { UsersTable } from '../database-schema';
import type { Executor } from '../executor';

export type UserRow = Selectable<UsersTable>;

/** A user with the number it holds (phone_numbers.user_id is unique, so the join adds no rows). */
export type UserView = UserRow & { primary_provisioned_number: string | null };

/** What a number's view needs of the user who holds it. */
export type UserPermissionsRow = Pick<UserRow, 'id' | 'inbound_calling' | 'outbound_calling' | 'sms' | 'sign_in_required_at'>;

export interface UserFilter {
  email?: string | undefined;
  userType?: string | undefined;
}

function views(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('phone_numbers', 'phone_numbers.user_id', 'users.id')
    .selectAll('users')
    .select('phone_numbers.e164 as primary_provisioned_number');
}

export const userRepository = {
  async insertMany(db: Executor, rows: readonly Insertable<UsersTable>[]): Promise<UserRow[]> {
    if (rows.length === 0) return [];
    return db.insertInto('users').values([...rows]).returningAll().execute();
  },

  async getView(db: Executor, organizationId: string, accountId: string, userId: string): Promise<UserView | undefined> {
    return views(db)
      .where('users.id', '=', userId)
      .where('users.account_id', '=', accountId)
      .where('users.organization_id', '=', organizationId)
      .executeTakeFirst();
  },

  /** One keyset page of an account's users ordered by email (unique per organization). Fetches limit + 1 rows. */
  async listPage(db: Executor, organizationId: string, accountId: string, filter: UserFilter, afterEmail: string | undefined, limit: number): Promise<UserView[]> {
    let query = views(db).where('users.organization_id', '=', organizationId).where('users.account_id', '=', accountId);
    if (filter.email !== undefined) query = query.where('users.primary_email', '=', filter.email);
    if (filter.userType !== undefined) query = query.where('users.user_type', '=', filter.userType);
    if (afterEmail !== undefined) query = query.where('users.primary_email', '>', afterEmail);
    return query.orderBy('users.primary_email').limit(limit + 1).execute();
  },

  async findByEmails(db: Executor, organizationId: string, emails: readonly string[]): Promise<UserRow[]> {
    if (emails.length === 0) return [];
    return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('primary_email', 'in', [...emails]).execute();
  },

  async listByAccount(db: Executor, organizationId: string, accountId: string): Promise<UserRow[]> {
    return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('account_id', '=', accountId).orderBy('id').execute();
  },

  /** The calling and SMS permissions of the users holding a page of numbers, in one query. */
  async listPermissions(db: Executor, organizationId: string, userIds: readonly string[]): Promise<UserPermissionsRow[]> {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'inbound_calling', 'outbound_calling', 'sms', 'sign_in_required_at'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', [...userIds])
      .execute();
  },

  /** Applies `changes` only if the row is still at `expectedVersion`, so that of two racing writers one wins. */
  async updateIfVersion(
    db: Executor,
    organizationId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<UsersTable>,
  ): Promise<UserRow | undefined> {
    return db
      .updateTable('users')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteByAccount(db: Executor, organizationId: string, accountId: string): Promise<number> {
    const result = await db.deleteFrom('users').where('organization_id', '=', organizationId).where('account_id', '=', accountId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
