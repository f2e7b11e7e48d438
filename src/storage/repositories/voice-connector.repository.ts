import type { Insertable, Selectable, Updateable } from 'kysely';
import type { VoiceConnectorsTable } from '../database-schema';
import type { Executor } from '../executor';

export type VoiceConnectorRow = Selectable<VoiceConnectorsTable>;

export const voiceConnectorRepository = {
  async insert(db: Executor, row: Insertable<VoiceConnectorsTable>): Promise<VoiceConnectorRow> {
    return db.insertInto('voice_connectors').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async getInOrganization(db: Executor, organizationId: string, id: string): Promise<VoiceConnectorRow | undefined> {
    return db.selectFrom('voice_connectors').selectAll().where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
  },

  /** The ones of `ids` that exist in the organization (a group holds few connectors: one statement). */
  async getManyInOrganization(db: Executor, organizationId: string, ids: readonly string[]): Promise<VoiceConnectorRow[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('voice_connectors').selectAll().where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
  },

  /**
   * Takes the connector's row for the rest of the transaction (a write that changes nothing), so that
   * numbers being associated with it cannot race a DeleteVoiceConnector. Undefined when it does not exist.
   */
  async holdInOrganization(db: Executor, organizationId: string, id: string): Promise<VoiceConnectorRow | undefined> {
    return db
      .updateTable('voice_connectors')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .returningAll()
      .executeTakeFirst();
  },

  /** One keyset page ordered by id; one row more than `limit` tells whether more follow. */
  async listPage(db: Executor, organizationId: string, afterId: string | undefined, limit: number): Promise<VoiceConnectorRow[]> {
    let query = db.selectFrom('voice_connectors').selectAll().where('organization_id', '=', organizationId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit + 1).execute();
  },

  /** Applies `changes` only if the row is still at `expectedVersion`; undefined when it changed meanwhile. */
  async updateIfVersion(
    db: Executor,
    organizationId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<VoiceConnectorsTable>,
  ): Promise<VoiceConnectorRow | undefined> {
    return db
      .updateTable('voice_connectors')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteIfVersion(db: Executor, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await db
      .deleteFrom('voice_connectors')
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** Whether any phone number is associated with the connector (one index probe, however many there are). */
  async hasPhoneNumbers(db: Executor, organizationId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('phone_numbers')
      .select('e164')
      .where('voice_connector_id', '=', id)
      .where('organization_id', '=', organizationId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The groups the connector is a member of. */
  async groupIdsOf(db: Executor, id: string): Promise<string[]> {
    const rows = await db.selectFrom('voice_connector_group_items').select('group_id').where('voice_connector_id', '=', id).orderBy('group_id').execute();
    return rows.map((row) => row.group_id);
  },
};
