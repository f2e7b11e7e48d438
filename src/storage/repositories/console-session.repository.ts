import type { Insertable, Selectable } from 'kysely';
import type { ConsoleSessionsTable } from '../database-schema';
import type { Executor } from '../executor';

export type ConsoleSessionRow = Selectable<ConsoleSessionsTable>;

export const consoleSessionRepository = {
  async create(db: Executor, row: Insertable<ConsoleSessionsTable>): Promise<void> {
    await db.insertInto('console_sessions').values(row).execute();
  },

  /**
   * The session with this token hash if it has not expired and its principal is still active: an
   * unrevoked access key or an enabled console user (whose name is returned for the audit actor).
   */
  async findLive(db: Executor, tokenHash: string, now: string): Promise<(ConsoleSessionRow & { username: string | null }) | undefined> {
    return db
      .selectFrom('console_sessions')
      .leftJoin('access_keys', 'access_keys.access_key_id', 'console_sessions.access_key_id')
      .leftJoin('console_users', 'console_users.id', 'console_sessions.console_user_id')
      .selectAll('console_sessions')
      .select('console_users.username')
      .where('console_sessions.token_hash', '=', tokenHash)
      .where('console_sessions.expires_at', '>', now)
      .where((eb) =>
        eb.or([
          eb.and([eb('console_sessions.access_key_id', 'is not', null), eb('access_keys.revoked_at', 'is', null)]),
          eb.and([eb('console_sessions.console_user_id', 'is not', null), eb('console_users.disabled_at', 'is', null)]),
        ]),
      )
      .executeTakeFirst();
  },

  async delete(db: Executor, tokenHash: string): Promise<void> {
    await db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).execute();
  },

  async deleteExpired(db: Executor, now: string): Promise<number> {
    const result = await db.deleteFrom('console_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
