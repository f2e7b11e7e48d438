import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SipMediaApplicationsTable } from '../database-schema';
import type { Executor } from '../executor';

export type SipMediaApplicationRow = Selectable<SipMediaApplicationsTable>;

export const sipMediaApplicationRepository = {
  async insert(db: Executor, row: Insertable<SipMediaApplicationsTable>): Promise<SipMediaApplicationRow> {
    return db.insertInto('sip_media_applications').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async getInOrganization(db: Executor, organizationId: string, id: string): Promise<SipMediaApplicationRow | undefined> {
    return db
      .selectFrom('sip_media_applications')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  },

  /** The ones of `ids` that exist in the organization (a rule has at most 25 targets: one statement). */
  async getManyInOrganization(db: Executor, organizationId: string, ids: readonly string[]): Promise<SipMediaApplicationRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('sip_media_applications')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', 'in', ids)
      .execute();
  },

  /** One keyset page ordered by id (time-ordered: oldest first); one row more than `limit` tells whether more follow. */
  async listPage(db: Executor, organizationId: string, afterId: string | undefined, limit: number): Promise<SipMediaApplicationRow[]> {
    let query = db.selectFrom('sip_media_applications').selectAll().where('organization_id', '=', organizationId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit + 1).execute();
  },

  /** Applies `changes` only if the row is still at `expectedVersion`; undefined when it changed meanwhile. */
  async updateIfVersion(
    db: Executor,
    organizationId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<SipMediaApplicationsTable>,
  ): Promise<SipMediaApplicationRow | undefined> {
    return db
      .updateTable('sip_media_applications')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteIfVersion(db: Executor, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await db
      .deleteFrom('sip_media_applications')
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
};
