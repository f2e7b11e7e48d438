import type { Insertable, Selectable } from 'kysely';
import type { UserNotificationsTable } from '../database-schema';
import type { Executor } from '../executor';

export type UserNotificationRow = Selectable<UserNotificationsTable>;

/** The outbox of messages to users; a deliverer later sends them and sets delivered_at. */
export const userNotificationRepository = {
  async insert(db: Executor, row: Insertable<UserNotificationsTable>): Promise<void> {
    await db.insertInto('user_notifications').values(row).execute();
  },

  /** A user's notifications, oldest first, after `afterId`; fetches limit + 1 rows. */
  async listForUser(db: Executor, organizationId: string, userId: string, afterId: number | undefined, limit: number): Promise<UserNotificationRow[]> {
    let query = db.selectFrom('user_notifications').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit + 1).execute();
  },

  /** Drops the notifications of an account's users when the account (and so its users) is deleted. */
  async deleteForAccount(db: Executor, organizationId: string, accountId: string): Promise<void> {
    await db
      .deleteFrom('user_notifications')
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', (eb) => eb.selectFrom('users').select('users.id').where('users.organization_id', '=', organizationId).where('users.account_id', '=', accountId))
      .execute();
  },
};
