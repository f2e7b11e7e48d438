// Database constraint violations are translated here, and only here, by constraint name.
// PostgreSQL names the constraint on every violation; SQLite names CHECK constraints only and
// describes UNIQUE ones by "table.column, ..." and foreign keys not at all.
import type { ErrorCode } from '../contract/errors';
import { NumberyardError } from '../domain/numberyard-error';

interface Translation {
  code: ErrorCode;
  message: string;
}

const BY_CONSTRAINT: Record<string, Translation> = {
  phone_numbers__pk: { code: 'Conflict', message: 'The phone number is already in an inventory' },
  phone_numbers__user_key: { code: 'Conflict', message: 'The user already has a phone number' },
  phone_numbers__sip_rule_key: { code: 'Conflict', message: 'The SIP rule already has a phone number' },
  phone_numbers__one_association_check: { code: 'Conflict', message: 'The phone number is already associated' },
  phone_numbers__user_account_check: { code: 'Conflict', message: 'The user and account of a phone number must go together' },
  phone_numbers__account_fk: { code: 'PhoneNumberAssociationsExist', message: 'Phone numbers are associated with users of the account' },
  phone_numbers__assigned_iff_associated_check: { code: 'Conflict', message: 'The phone number changed while the request ran; retry' },
  phone_numbers__user_fk: { code: 'PhoneNumberAssociationsExist', message: 'A phone number is associated with it' },
  phone_numbers__voice_connector_fk: { code: 'PhoneNumberAssociationsExist', message: 'Phone numbers are associated with it' },
  phone_numbers__voice_connector_group_fk: { code: 'PhoneNumberAssociationsExist', message: 'Phone numbers are associated with it' },
  phone_numbers__sip_rule_fk: { code: 'PhoneNumberAssociationsExist', message: 'A phone number is associated with it' },
  users__organization_email_key: { code: 'Conflict', message: 'A user with this email address already exists' },
  users__account_fk: { code: 'Conflict', message: 'The account still has users' },
  voice_connector_group_items__pk: { code: 'BadRequest', message: 'A voice connector can be in a group only once' },
  voice_connector_group_items__priority_check: { code: 'BadRequest', message: 'Priority must be between 1 and 99' },
  voice_connector_group_items__voice_connector_fk: {
    code: 'VoiceConnectorGroupAssociationsExist',
    message: 'The voice connector is a member of a voice connector group',
  },
  voice_connectors__outbound_host_name_key: { code: 'Conflict', message: 'The outbound host name is taken' },
  sip_rules__trigger_key: { code: 'Conflict', message: 'A SIP rule with this trigger already exists' },
  sip_rule_targets__pk: { code: 'BadRequest', message: 'A SIP media application can be a target of a rule only once' },
  sip_rule_targets__priority_key: { code: 'BadRequest', message: 'Target application priorities must be unique within a rule' },
  sip_rule_targets__sip_media_application_fk: { code: 'Conflict', message: 'The SIP media application is used by a SIP rule' },
  available_numbers__pk: { code: 'Conflict', message: 'The phone number is already in the pool' },
  ordered_phone_numbers__pk: { code: 'BadRequest', message: 'A phone number appears twice in the order' },
  console_users__username_key: { code: 'Conflict', message: 'A console user with this username already exists' },
};

// SQLite's "UNIQUE constraint failed: <columns>" text, keyed to the constraint it stands for.
const SQLITE_UNIQUE_COLUMNS: Record<string, string> = {
  'phone_numbers.e164': 'phone_numbers__pk',
  'phone_numbers.user_id': 'phone_numbers__user_key',
  'phone_numbers.sip_rule_id': 'phone_numbers__sip_rule_key',
  'users.organization_id, users.primary_email': 'users__organization_email_key',
  'voice_connector_group_items.group_id, voice_connector_group_items.voice_connector_id': 'voice_connector_group_items__pk',
  'voice_connectors.outbound_host_name': 'voice_connectors__outbound_host_name_key',
  'sip_rules.organization_id, sip_rules.trigger_type, sip_rules.trigger_value': 'sip_rules__trigger_key',
  'sip_rule_targets.sip_rule_id, sip_rule_targets.sip_media_application_id': 'sip_rule_targets__pk',
  'sip_rule_targets.sip_rule_id, sip_rule_targets.priority': 'sip_rule_targets__priority_key',
  'available_numbers.e164': 'available_numbers__pk',
  'ordered_phone_numbers.order_id, ordered_phone_numbers.e164': 'ordered_phone_numbers__pk',
  'console_users.username': 'console_users__username_key',
};

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function constraintName(error: DriverError): string | undefined {
  if (typeof error.constraint === 'string') return error.constraint; // PostgreSQL
  if (typeof error.code !== 'string' || !error.code.startsWith('SQLITE_CONSTRAINT') || typeof error.message !== 'string') return undefined;
  const unique = /^UNIQUE constraint failed: (.+)$/.exec(error.message);
  if (unique) return SQLITE_UNIQUE_COLUMNS[unique[1]!];
  const check = /^CHECK constraint failed: (\w+)/.exec(error.message);
  if (check) return check[1];
  return undefined;
}

function isConstraintViolation(error: DriverError): boolean {
  if (typeof error.code !== 'string') return false;
  // 23xxx: PostgreSQL integrity constraint violations.
  return error.code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(error.code);
}

/** The catalog error for a constraint violation, or undefined when `error` is something else. */
export function translateConstraintError(error: unknown): NumberyardError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = error as DriverError;
  if (!isConstraintViolation(driverError)) return undefined;
  const name = constraintName(driverError);
  const translation = name ? BY_CONSTRAINT[name] : undefined;
  if (translation) return new NumberyardError(translation.code, translation.message);
  return new NumberyardError('Conflict', 'The change conflicts with the current state of a related resource');
}
