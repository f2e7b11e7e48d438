import type { Insertable, Selectable, Updateable } from 'kysely';
import type { VoiceConnectorGroupItemsTable, VoiceConnectorGroupsTable } from '../database-schema';
import type { Executor } from '../executor';
import { versionedRows } from './versioned-rows';

export type VoiceConnectorGroupRow = Selectable<VoiceConnectorGroupsTable>;
export type VoiceConnectorGroupItemRow = Selectable<VoiceConnectorGroupItemsTable>;

const voiceConnectorGroupsRows = versionedRows('voice_connector_groups');

export const voiceConnectorGroupRepository = {
  ...voiceConnectorGroupsRows,
  listPage: voiceConnectorGroupsRows.listPageById,






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
