import { VOICE_CONNECTOR_PRIORITY_MAX, VOICE_CONNECTOR_PRIORITY_MIN, type VoiceConnectorItem } from '../../../../src/contract/voice-connector.schema';

// The voice connector group form (Create, Edit) and its checks, which run before anything is sent.

export interface MemberRow {
  connectorId: string | undefined;
  priority: string;
}

export type MemberErrors = Partial<Record<'connectorId' | 'priority', string>>[];

/** A group's members as the form's rows, priority 1 first. */
export function memberRowsOf(items: VoiceConnectorItem[]): MemberRow[] {
  return [...items].sort((a, b) => a.Priority - b.Priority).map((item) => ({ connectorId: item.VoiceConnectorId, priority: String(item.Priority) }));
}

/** The rows as VoiceConnectorItems; only for rows that passed memberErrors. */
export function voiceConnectorItemsOf(rows: MemberRow[]): VoiceConnectorItem[] {
  return rows.map((row) => ({ VoiceConnectorId: row.connectorId!, Priority: Number(row.priority) }));
}

/** Each connector once, each with a priority from 1 (tried first) to 99; equal priorities share calls. */
export function memberErrors(rows: MemberRow[]): MemberErrors {
  const seen = new Map<string, number>();
  return rows.map((row, index) => {
    const errors: MemberErrors[number] = {};
    if (!row.connectorId) errors.connectorId = 'Choose a voice connector.';
    else if (seen.has(row.connectorId)) errors.connectorId = `This voice connector is already in row ${seen.get(row.connectorId)! + 1}.`;
    else seen.set(row.connectorId, index);
    const priority = Number(row.priority);
    if (!/^\d+$/.test(row.priority.trim()) || priority < VOICE_CONNECTOR_PRIORITY_MIN || priority > VOICE_CONNECTOR_PRIORITY_MAX) {
      errors.priority = `Enter a whole number from ${VOICE_CONNECTOR_PRIORITY_MIN} to ${VOICE_CONNECTOR_PRIORITY_MAX}.`;
    }
    return errors;
  });
}
