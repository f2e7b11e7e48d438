import type { Selectable } from 'kysely';
import type { AccessKeysTable } from '../database-schema';
import type { Executor } from '../executor';
import { reusableQuery } from '../reusable-query';

export type AccessKeyRow = Selectable<AccessKeysTable>;

// Runs on every signed request: built once (see reusableQuery).
const findActiveKey = reusableQuery((db: Executor, accessKeyId: string) =>
  db.selectFrom('access_keys').selectAll().where('access_key_id', '=', accessKeyId).where('revoked_at', 'is', null),
);

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
    return (await findActiveKey(db, accessKeyId))[0];
  },

  /** When the key was revoked: undefined for an unknown key, null for an active one. */
  async revokedAt(db: Executor, accessKeyId: string): Promise<string | null | undefined> {
    return (await db.selectFrom('access_keys').select('revoked_at').where('access_key_id', '=', accessKeyId).executeTakeFirst())?.revoked_at;
  },

  async listByOrganization(db: Executor, organizationId: string): Promise<AccessKeyRow[]> {
    return db.selectFrom('access_keys').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').execute();
  },

  async countAll(db: Executor): Promise<number> {
    const { count } = await db.selectFrom('access_keys').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(count);
  },

  /** Every key's id and stored secret (revoked ones too): the start-up step that seals legacy rows reads them. */
  async listStoredSecrets(db: Executor): Promise<Array<{ access_key_id: string; secret_access_key: string }>> {
    return db.selectFrom('access_keys').select(['access_key_id', 'secret_access_key']).orderBy('access_key_id').execute();
  },

  /** Replaces a plaintext secret by its sealed form, only if the row still holds that plaintext (nodes may race at start). */
  async replaceSecret(db: Executor, accessKeyId: string, previous: string, next: string): Promise<boolean> {
    const result = await db
      .updateTable('access_keys')
      .set({ secret_access_key: next })
      .where('access_key_id', '=', accessKeyId)
      .where('secret_access_key', '=', previous)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
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
