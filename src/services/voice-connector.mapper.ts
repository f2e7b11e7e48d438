import type { CallDistributionType, NetworkType, VoiceConnectorAwsRegion, VoiceConnectorIntegrationType } from '../contract/enums';
import type { VoiceConnector, VoiceConnectorGroup } from '../contract/voice-connector.schema';
import type { VoiceConnectorGroupItemRow, VoiceConnectorGroupRow } from '../storage/repositories/voice-connector-group.repository';
import type { VoiceConnectorRow } from '../storage/repositories/voice-connector.repository';

/** Where a connector takes calls: `<id>.voiceconnector.chime.aws`, as on AWS. */
export function outboundHostNameOf(voiceConnectorId: string): string {
  return `${voiceConnectorId}.voiceconnector.chime.aws`;
}

/** The wire VoiceConnector of a row; its ARN carries the connector's own region. */
export function toWireVoiceConnector(row: VoiceConnectorRow): VoiceConnector {
  const wire: VoiceConnector = {
    VoiceConnectorId: row.id,
    AwsRegion: row.aws_region as VoiceConnectorAwsRegion,
    Name: row.name,
    OutboundHostName: row.outbound_host_name,
    RequireEncryption: row.require_encryption === 1,
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
    VoiceConnectorArn: `arn:aws:chime:${row.aws_region}:${row.organization_id}:vc/${row.id}`,
  };
  if (row.integration_type !== null) wire.IntegrationType = row.integration_type as VoiceConnectorIntegrationType;
  if (row.network_type !== null) wire.NetworkType = row.network_type as NetworkType;
  return wire;
}

/** The wire VoiceConnectorGroup of a row and its items (already in routing order). */
export function toWireVoiceConnectorGroup(row: VoiceConnectorGroupRow, items: readonly VoiceConnectorGroupItemRow[], region: string): VoiceConnectorGroup {
  const wire: VoiceConnectorGroup = {
    VoiceConnectorGroupId: row.id,
    Name: row.name,
    VoiceConnectorItems: items.map((item) => ({ VoiceConnectorId: item.voice_connector_id, Priority: item.priority })),
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
    VoiceConnectorGroupArn: `arn:aws:chime:${region}:${row.organization_id}:vcg/${row.id}`,
  };
  if (row.call_distribution_type !== null) wire.CallDistributionType = row.call_distribution_type as CallDistributionType;
  return wire;
}
