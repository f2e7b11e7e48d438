// Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC strings
// ('2026-01-02T03:04:05.678Z', sortable as text) and booleans are 0/1 integers, so that
// SQLite and PostgreSQL store and return exactly the same values.
import type { Generated } from 'kysely';

export type Flag = 0 | 1;

export interface OrganizationsTable {
  id: string;
  name: string;
  default_calling_name: string | null;
  calling_name_updated_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AccessKeysTable {
  access_key_id: string;
  organization_id: string;
  secret_access_key: string;
  is_admin: Flag;
  description: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface PhoneNumbersTable {
  e164: string;
  organization_id: string;
  country: string;
  number_type: string;
  area_code: string | null;
  product_type: string;
  status: string;
  calling_name: string | null;
  calling_name_status: string;
  name: string | null;
  order_id: string | null;
  user_id: string | null;
  /** The account of user_id (a user never changes account), so that views need no join. */
  account_id: string | null;
  voice_connector_id: string | null;
  voice_connector_group_id: string | null;
  sip_rule_id: string | null;
  associated_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: number;
}

export interface AvailableNumbersTable {
  e164: string;
  country: string;
  number_type: string;
  area_code: string | null;
  city: string | null;
  state: string | null;
  created_at: string;
}

export interface PhoneNumberOrdersTable {
  id: string;
  organization_id: string;
  product_type: string;
  order_type: string;
  status: string;
  name: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrderedPhoneNumbersTable {
  order_id: string;
  e164: string;
  status: string;
}

export interface AccountsTable {
  id: string;
  organization_id: string;
  name: string;
  account_type: string;
  default_license: string;
  status: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UsersTable {
  id: string;
  organization_id: string;
  account_id: string;
  primary_email: string;
  display_name: string | null;
  license_type: string;
  user_type: string;
  registration_status: string;
  invitation_status: string | null;
  invited_at: string | null;
  registered_at: string | null;
  inbound_calling: Flag;
  outbound_calling: Flag;
  sms: Flag;
  /** Set when the user's number or permissions changed; cleared when they are signed out (LogoutUser). */
  sign_in_required_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserNotificationsTable {
  id: Generated<number>;
  organization_id: string;
  user_id: string;
  kind: string;
  payload: string;
  created_at: string;
  delivered_at: string | null;
  attempts: number;
}

export interface VoiceConnectorsTable {
  id: string;
  organization_id: string;
  name: string;
  aws_region: string;
  require_encryption: Flag;
  outbound_host_name: string;
  integration_type: string | null;
  network_type: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface VoiceConnectorGroupsTable {
  id: string;
  organization_id: string;
  name: string;
  call_distribution_type: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface VoiceConnectorGroupItemsTable {
  group_id: string;
  voice_connector_id: string;
  priority: number;
}

export interface SipMediaApplicationsTable {
  id: string;
  organization_id: string;
  name: string;
  aws_region: string;
  /** JSON array of {LambdaArn} */
  endpoints: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SipRulesTable {
  id: string;
  organization_id: string;
  name: string;
  trigger_type: string;
  trigger_value: string;
  disabled: Flag;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SipRuleTargetsTable {
  sip_rule_id: string;
  sip_media_application_id: string;
  priority: number;
  aws_region: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  organization_id: string | null;
  actor: string;
  operation: string;
  resource_type: string;
  resource_id: string;
  before: string | null;
  after: string | null;
  created_at: string;
}

export interface ConsoleSessionsTable {
  token_hash: string;
  organization_id: string;
  /** Exactly one of access_key_id and console_user_id is set (0004). */
  access_key_id: string | null;
  console_user_id: string | null;
  is_admin: Flag;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ConsoleUsersTable {
  id: string;
  username: string;
  organization_id: string;
  is_admin: Flag;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  subject: string;
  failed_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  access_keys: AccessKeysTable;
  phone_numbers: PhoneNumbersTable;
  available_numbers: AvailableNumbersTable;
  phone_number_orders: PhoneNumberOrdersTable;
  ordered_phone_numbers: OrderedPhoneNumbersTable;
  accounts: AccountsTable;
  users: UsersTable;
  user_notifications: UserNotificationsTable;
  voice_connectors: VoiceConnectorsTable;
  voice_connector_groups: VoiceConnectorGroupsTable;
  voice_connector_group_items: VoiceConnectorGroupItemsTable;
  sip_media_applications: SipMediaApplicationsTable;
  sip_rules: SipRulesTable;
  sip_rule_targets: SipRuleTargetsTable;
  audit_events: AuditEventsTable;
  console_sessions: ConsoleSessionsTable;
  console_users: ConsoleUsersTable;
  login_failures: LoginFailuresTable;
}
