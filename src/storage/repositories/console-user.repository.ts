import type { Insertable, Selectable } from 'kysely';
import type { ConsoleUsersTable } from '../database-schema';
import type { Executor } from '../executor';

export type ConsoleUserRow = Selectable<ConsoleUsersTable>;

export const consoleUserRepository = {
  async create(db: Executor, row: Insertable<ConsoleUsersTable>): Promise<ConsoleUserRow> {
    return db.insertInto('console_users').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async findByUsername(db: Executor, username: string): Promise<ConsoleUserRow | undefined> {
    return db.selectFrom('console_users').selectAll().where('username', '=', username).executeTakeFirst();
  },
};
