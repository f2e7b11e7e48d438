import type { Insertable, Selectable, Updateable } from 'kysely';
import type { VoiceConnectorGroupItemsTable, VoiceConnectorGroupsTable } from '../database-schema';
import type { Executor } from '../executor';

export type VoiceConnectorGroupRow = Selectable<VoiceConnectorGroupsTable>;
export type VoiceConnectorGroupItemRow = Selectable<VoiceConnectorGroupItemsTable>;

export const voiceConnectorGroupRepository = {
  async insert(db: Executor, row: Insertable<VoiceConnectorGroupsTable>): Promise<VoiceConnectorGroupRow> {
    return db.insertInto('voice_connector_groups').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async getInOrganization(db: Executor, organizationId: string, id: string): Promise<VoiceConnectorGroupRow | undefined> {
    return db
      .selectFrom('voice_connector_groups')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  },

  /**
   * Takes the group's row for the rest of the transaction (a write that changes nothing), so that
   * numbers being associated with it cannot race a DeleteVoiceConnectorGroup. Undefined when it does not exist.
   */
  async holdInOrganization(db: Executor, organizationId: string, id: string): Promise<VoiceConnectorGroupRow | undefined> {
    return db
      .updateTable('voice_connector_groups')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .returningAll()
      .executeTakeFirst();
  },

  /** One keyset page ordered by id; one row more than `limit` tells whether more follow. */
  async listPage(db: Executor, organizationId: string, afterId: string | undefined, limit: number): Promise<VoiceConnectorGroupRow[]> {
    let query = db.selectFrom('voice_connector_groups').selectAll().where('organization_id', '=', organizationId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit + 1).execute();
  },

  /** Applies `changes` only if the row is still at `expectedVersion`; undefined when it changed meanwhile. */
  async updateIfVersion(
    db: Executor,
    organizationId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<VoiceConnectorGroupsTable>,
  ): Promise<VoiceConnectorGroupRow | undefined> {
    return db
      .updateTable('voice_connector_groups')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  /** Deletes the group; its items go with it (the items' foreign key cascades). */
  async deleteIfVersion(db: Executor, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await db
      .deleteFrom('voice_connector_groups')
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** The items of the given groups, in routing order (priority, then connector id). */
  async itemsOf(db: Executor, groupIds: readonly string[]): Promise<VoiceConnectorGroupItemRow[]> {
    if (groupIds.length === 0) return [];
    return db
      .selectFrom('voice_connector_group_items')
      .selectAll()
      .where('group_id', 'in', groupIds)
      .orderBy('group_id')
      .orderBy('priority')
      .orderBy('voice_connector_id')
      .execute();
  },

  /** Replaces every item of a group with `items`. */
  async replaceItems(db: Executor, groupId: string, items: readonly Omit<VoiceConnectorGroupItemRow, 'group_id'>[]): Promise<void> {
    await db.deleteFrom('voice_connector_group_items').where('group_id', '=', groupId).execute();
    if (items.length === 0) return;
    await db
      .insertInto('voice_connector_group_items')
      .values(items.map((item) => ({ group_id: groupId, voice_connector_id: item.voice_connector_id, priority: item.priority })))
      .execute();
  },

  /** Whether any phone number is associated with the group (one index probe, however many there are). */
  async hasPhoneNumbers(db: Executor, organizationId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('phone_numbers')
      .select('e164')
      .where('voice_connector_group_id', '=', id)
      .where('organization_id', '=', organizationId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
