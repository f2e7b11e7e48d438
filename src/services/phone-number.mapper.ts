import type { AssociationName, CallingNameStatus, PhoneNumberStatus, PhoneNumberType, ProductType } from '../contract/enums';
import type { PhoneNumber } from '../contract/phone-number.schema';
import { capabilitiesOf, type Capabilities } from '../domain/phone-number-rules';
import type { PhoneNumberRow } from '../storage/repositories/phone-number.repository';
import type { UserPermissionsRow } from '../storage/repositories/user.repository';

/** What the view of a Business Calling user's number shows of that user. */
export type NumberHolder = Pick<UserPermissionsRow, 'inbound_calling' | 'outbound_calling' | 'sms' | 'sign_in_required_at'>;

/** A user's number calls and texts only as far as the user's permissions allow. */
function withUserPermissions(capabilities: Capabilities, holder: NumberHolder): Capabilities {
  const sms = holder.sms === 1;
  return {
    InboundCall: capabilities.InboundCall && holder.inbound_calling === 1,
    OutboundCall: capabilities.OutboundCall && holder.outbound_calling === 1,
    InboundSMS: capabilities.InboundSMS && sms,
    OutboundSMS: capabilities.OutboundSMS && sms,
    InboundMMS: capabilities.InboundMMS && sms,
    OutboundMMS: capabilities.OutboundMMS && sms,
  };
}

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

/**
 * The wire PhoneNumber of a row; the only place a phone number row becomes an API shape. `holder` is
 * the user the number is assigned to, when it is: its permissions shape Capabilities.
 */
export function toWirePhoneNumber(row: PhoneNumberRow, region: string, holder?: NumberHolder): PhoneNumber {
  const identity = { e164: row.e164, country: row.country, type: row.number_type as PhoneNumberType };
  const capabilities = capabilitiesOf(identity, row.product_type as ProductType);
  const wire: PhoneNumber = {
    PhoneNumberId: row.e164,
    E164PhoneNumber: row.e164,
    PhoneNumberArn: `arn:aws:chime:${region}:${row.organization_id}:phone-number/${row.e164}`,
    Country: row.country,
    Type: row.number_type as PhoneNumberType,
    ProductType: row.product_type as ProductType,
    Status: row.status as PhoneNumberStatus,
    Capabilities: holder ? withUserPermissions(capabilities, holder) : capabilities,
    Associations: associationsOf(row),
    CallingNameStatus: row.calling_name_status as CallingNameStatus,
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
  };
  if (row.calling_name !== null) wire.CallingName = row.calling_name;
  if (row.deleted_at !== null) wire.DeletionTimestamp = row.deleted_at;
  if (row.order_id !== null) wire.OrderId = row.order_id;
  if (row.name !== null) wire.Name = row.name;
  if (holder) {
    wire.SignInRequired = holder.sign_in_required_at !== null;
    if (holder.sign_in_required_at !== null) wire.SignInRequiredSince = holder.sign_in_required_at;
  }
  return wire;
}
