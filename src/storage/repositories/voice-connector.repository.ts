import type { Insertable, Selectable, Updateable } from 'kysely';
import type { VoiceConnectorsTable } from '../database-schema';
import type { Executor } from '../executor';
import { versionedRows } from './versioned-rows';

export type VoiceConnectorRow = Selectable<VoiceConnectorsTable>;

const voiceConnectorsRows = versionedRows('voice_connectors');

export const voiceConnectorRepository = {
  ...voiceConnectorsRows,
  listPage: voiceConnectorsRows.listPageById,







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
