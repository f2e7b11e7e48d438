import type { Selectable } from 'kysely';
import type { AccessKeysTable } from '../database-schema';
import type { Executor } from '../executor';

export type AccessKeyRow = Selectable<AccessKeysTable>;

export const accessKeyRepository = {
  async create(
    db: Executor,
    row: { accessKeyId: string; organizationId: string; secretAccessKey: string; isAdmin: boolean; description: string | null; now: string },
  ): Promise<AccessKeyRow> {
    return db
      .insertInto('access_keys')
      .values({
        access_key_id: row.accessKeyId,
        organization_id: row.organizationId,
        secret_access_key: row.secretAccessKey,
        is_admin: row.isAdmin ? 1 : 0,
        description: row.description,
        created_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The key, if it exists and has not been revoked. */
  async findActive(db: Executor, accessKeyId: string): Promise<AccessKeyRow | undefined> {
    return db
      .selectFrom('access_keys')
      .selectAll()
      .where('access_key_id', '=', accessKeyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },

  async listByOrganization(db: Executor, organizationId: string): Promise<AccessKeyRow[]> {
    return db.selectFrom('access_keys').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').execute();
  },

  async countAll(db: Executor): Promise<number> {
    const { count } = await db.selectFrom('access_keys').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(count);
  },

  async revoke(db: Executor, accessKeyId: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('access_keys')
      .set({ revoked_at: now })
      .where('access_key_id', '=', accessKeyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};
