import type { AssociationName, CallingNameStatus, PhoneNumberStatus, PhoneNumberType, ProductType } from '../contract/enums';
import type { PhoneNumber } from '../contract/phone-number.schema';
import { capabilitiesOf } from '../domain/phone-number-rules';
import type { PhoneNumberRow } from '../storage/repositories/phone-number.repository';

function associationsOf(row: PhoneNumberRow): PhoneNumber['Associations'] {
  const at = row.associated_at ?? row.updated_at;
  const pairs: [AssociationName, string | null][] = [
    ['AccountId', row.account_id],
    ['UserId', row.user_id],
    ['VoiceConnectorId', row.voice_connector_id],
    ['VoiceConnectorGroupId', row.voice_connector_group_id],
    ['SipRuleId', row.sip_rule_id],
  ];
  return pairs.filter((pair): pair is [AssociationName, string] => pair[1] !== null).map(([Name, Value]) => ({ Name, Value, AssociatedTimestamp: at }));
}

/** The wire PhoneNumber of a row; the only place a phone number row becomes an API shape. */
export function toWirePhoneNumber(row: PhoneNumberRow, region: string): PhoneNumber {
  const identity = { e164: row.e164, country: row.country, type: row.number_type as PhoneNumberType };
  const wire: PhoneNumber = {
    PhoneNumberId: row.e164,
    E164PhoneNumber: row.e164,
    PhoneNumberArn: `arn:aws:chime:${region}:${row.organization_id}:phone-number/${row.e164}`,
    Country: row.country,
    Type: row.number_type as PhoneNumberType,
    ProductType: row.product_type as ProductType,
    Status: row.status as PhoneNumberStatus,
    Capabilities: capabilitiesOf(identity, row.product_type as ProductType),
    Associations: associationsOf(row),
    CallingNameStatus: row.calling_name_status as CallingNameStatus,
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
  };
  if (row.calling_name !== null) wire.CallingName = row.calling_name;
  if (row.deleted_at !== null) wire.DeletionTimestamp = row.deleted_at;
  if (row.order_id !== null) wire.OrderId = row.order_id;
  if (row.name !== null) wire.Name = row.name;
  return wire;
}
