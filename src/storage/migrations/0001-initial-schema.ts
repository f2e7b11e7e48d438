// Frozen: a migration describes the schema as it was on the day it was written. Never import app
// code here, and never edit this file after it has shipped; add a new migration instead.
import { type Kysely, type CreateTableBuilder, SqliteAdapter, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no fixed schema type
type AnyDb = Kysely<any>;

function isSqlite(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An integer id that grows strictly with each insert (audit events are later tailed by id). */
function withSerialId<T extends string, C extends string>(db: AnyDb, table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'id'> {
  return isSqlite(db)
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity());
}

const timestamps = <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
  table.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());

export async function up(db: AnyDb): Promise<void> {
  await timestamps(
    db.schema
      .createTable('organizations')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('default_calling_name', 'text')
      .addColumn('calling_name_updated_at', 'text'),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('organizations__pk', ['id'])
    .execute();

  await db.schema
    .createTable('access_keys')
    .addColumn('access_key_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('secret_access_key', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('access_keys__pk', ['access_key_id'])
    .addForeignKeyConstraint('access_keys__organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();
  await db.schema.createIndex('access_keys__organization_idx').on('access_keys').columns(['organization_id']).execute();

  // Business Calling: accounts and their users.
  await timestamps(
    db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('account_type', 'text', (c) => c.notNull())
      .addColumn('default_license', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('accounts__pk', ['id'])
    .addForeignKeyConstraint('accounts__organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();
  await db.schema.createIndex('accounts__organization_name_idx').on('accounts').columns(['organization_id', 'name', 'id']).execute();
  await db.schema.createIndex('accounts__organization_id_idx').on('accounts').columns(['organization_id', 'id']).execute();

  await timestamps(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('primary_email', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('license_type', 'text', (c) => c.notNull())
      .addColumn('user_type', 'text', (c) => c.notNull())
      .addColumn('registration_status', 'text', (c) => c.notNull())
      .addColumn('invitation_status', 'text')
      .addColumn('invited_at', 'text')
      .addColumn('registered_at', 'text')
      .addColumn('inbound_calling', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('outbound_calling', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sign_in_required_at', 'text'),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('users__pk', ['id'])
    .addForeignKeyConstraint('users__organization_fk', ['organization_id'], 'organizations', ['id'])
    .addForeignKeyConstraint('users__account_fk', ['account_id'], 'accounts', ['id'])
    .addUniqueConstraint('users__organization_email_key', ['organization_id', 'primary_email'])
    .execute();
  await db.schema.createIndex('users__account_idx').on('users').columns(['account_id', 'id']).execute();

  await db.schema
    .createTable('user_notifications')
    .$call((t) => withSerialId(db, t))
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addForeignKeyConstraint('user_notifications__user_fk', ['user_id'], 'users', ['id'])
    .execute();
  await db.schema.createIndex('user_notifications__pending_idx').on('user_notifications').columns(['delivered_at', 'id']).execute();
  await db.schema.createIndex('user_notifications__user_idx').on('user_notifications').columns(['user_id', 'id']).execute();

  // Voice Connectors and groups.
  await timestamps(
    db.schema
      .createTable('voice_connectors')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('aws_region', 'text', (c) => c.notNull())
      .addColumn('require_encryption', 'integer', (c) => c.notNull())
      .addColumn('outbound_host_name', 'text', (c) => c.notNull())
      .addColumn('integration_type', 'text')
      .addColumn('network_type', 'text'),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('voice_connectors__pk', ['id'])
    .addForeignKeyConstraint('voice_connectors__organization_fk', ['organization_id'], 'organizations', ['id'])
    .addUniqueConstraint('voice_connectors__outbound_host_name_key', ['outbound_host_name'])
    .execute();
  await db.schema.createIndex('voice_connectors__organization_idx').on('voice_connectors').columns(['organization_id', 'id']).execute();

  await timestamps(
    db.schema
      .createTable('voice_connector_groups')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('call_distribution_type', 'text'),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('voice_connector_groups__pk', ['id'])
    .addForeignKeyConstraint('voice_connector_groups__organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();
  await db.schema
    .createIndex('voice_connector_groups__organization_idx')
    .on('voice_connector_groups')
    .columns(['organization_id', 'id'])
    .execute();

  await db.schema
    .createTable('voice_connector_group_items')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('voice_connector_id', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('voice_connector_group_items__pk', ['group_id', 'voice_connector_id'])
    .addForeignKeyConstraint('voice_connector_group_items__group_fk', ['group_id'], 'voice_connector_groups', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('voice_connector_group_items__voice_connector_fk', ['voice_connector_id'], 'voice_connectors', ['id'])
    .addCheckConstraint('voice_connector_group_items__priority_check', sql`priority between 1 and 99`)
    .execute();
  await db.schema
    .createIndex('voice_connector_group_items__voice_connector_idx')
    .on('voice_connector_group_items')
    .columns(['voice_connector_id'])
    .execute();

  // SIP media applications and SIP rules.
  await timestamps(
    db.schema
      .createTable('sip_media_applications')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('aws_region', 'text', (c) => c.notNull())
      .addColumn('endpoints', 'text', (c) => c.notNull()),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('sip_media_applications__pk', ['id'])
    .addForeignKeyConstraint('sip_media_applications__organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();
  await db.schema
    .createIndex('sip_media_applications__organization_idx')
    .on('sip_media_applications')
    .columns(['organization_id', 'id'])
    .execute();

  await timestamps(
    db.schema
      .createTable('sip_rules')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('trigger_type', 'text', (c) => c.notNull())
      .addColumn('trigger_value', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0)),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('sip_rules__pk', ['id'])
    .addForeignKeyConstraint('sip_rules__organization_fk', ['organization_id'], 'organizations', ['id'])
    .addUniqueConstraint('sip_rules__trigger_key', ['organization_id', 'trigger_type', 'trigger_value'])
    .addCheckConstraint('sip_rules__trigger_type_check', sql`trigger_type in ('ToPhoneNumber', 'RequestUriHostname')`)
    .execute();
  await db.schema.createIndex('sip_rules__organization_idx').on('sip_rules').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('sip_rule_targets')
    .addColumn('sip_rule_id', 'text', (c) => c.notNull())
    .addColumn('sip_media_application_id', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('aws_region', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sip_rule_targets__pk', ['sip_rule_id', 'sip_media_application_id'])
    .addUniqueConstraint('sip_rule_targets__priority_key', ['sip_rule_id', 'priority'])
    .addForeignKeyConstraint('sip_rule_targets__sip_rule_fk', ['sip_rule_id'], 'sip_rules', ['id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint(
      'sip_rule_targets__sip_media_application_fk',
      ['sip_media_application_id'],
      'sip_media_applications',
      ['id'],
    )
    .execute();
  await db.schema
    .createIndex('sip_rule_targets__sip_media_application_idx')
    .on('sip_rule_targets')
    .columns(['sip_media_application_id'])
    .execute();

  // Orders and the pool of numbers available to order.
  await timestamps(
    db.schema
      .createTable('phone_number_orders')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('product_type', 'text', (c) => c.notNull())
      .addColumn('order_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('name', 'text'),
  )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('phone_number_orders__pk', ['id'])
    .addForeignKeyConstraint('phone_number_orders__organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();
  await db.schema
    .createIndex('phone_number_orders__organization_idx')
    .on('phone_number_orders')
    .columns(['organization_id', 'id'])
    .execute();
  await db.schema.createIndex('phone_number_orders__status_idx').on('phone_number_orders').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('ordered_phone_numbers')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('e164', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ordered_phone_numbers__pk', ['order_id', 'e164'])
    .addForeignKeyConstraint('ordered_phone_numbers__order_fk', ['order_id'], 'phone_number_orders', ['id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('available_numbers')
    .addColumn('e164', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('number_type', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text')
    .addColumn('city', 'text')
    .addColumn('state', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('available_numbers__pk', ['e164'])
    .execute();
  await db.schema.createIndex('available_numbers__type_idx').on('available_numbers').columns(['country', 'number_type', 'e164']).execute();
  await db.schema.createIndex('available_numbers__area_idx').on('available_numbers').columns(['country', 'area_code', 'e164']).execute();
  await db.schema
    .createIndex('available_numbers__place_idx')
    .on('available_numbers')
    .columns(['country', 'state', 'city', 'e164'])
    .execute();

  // The inventory. A number has at most one association, held in one of four nullable foreign keys,
  // and the database itself refuses a row whose Status disagrees with its association.
  await timestamps(
    db.schema
      .createTable('phone_numbers')
      .addColumn('e164', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('number_type', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text')
      .addColumn('product_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('calling_name', 'text')
      .addColumn('calling_name_status', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('order_id', 'text')
      .addColumn('user_id', 'text')
      .addColumn('account_id', 'text')
      .addColumn('voice_connector_id', 'text')
      .addColumn('voice_connector_group_id', 'text')
      .addColumn('sip_rule_id', 'text')
      .addColumn('associated_at', 'text'),
  )
    .addColumn('deleted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('phone_numbers__pk', ['e164'])
    .addForeignKeyConstraint('phone_numbers__organization_fk', ['organization_id'], 'organizations', ['id'])
    .addForeignKeyConstraint('phone_numbers__user_fk', ['user_id'], 'users', ['id'])
    .addForeignKeyConstraint('phone_numbers__account_fk', ['account_id'], 'accounts', ['id'])
    .addForeignKeyConstraint('phone_numbers__voice_connector_fk', ['voice_connector_id'], 'voice_connectors', ['id'])
    .addForeignKeyConstraint('phone_numbers__voice_connector_group_fk', ['voice_connector_group_id'], 'voice_connector_groups', ['id'])
    .addForeignKeyConstraint('phone_numbers__sip_rule_fk', ['sip_rule_id'], 'sip_rules', ['id'])
    .addUniqueConstraint('phone_numbers__user_key', ['user_id'])
    .addUniqueConstraint('phone_numbers__sip_rule_key', ['sip_rule_id'])
    .addCheckConstraint(
      'phone_numbers__status_check',
      sql`status in ('AcquireInProgress', 'AcquireFailed', 'Unassigned', 'Assigned', 'ReleaseInProgress', 'DeleteInProgress', 'ReleaseFailed', 'DeleteFailed')`,
    )
    .addCheckConstraint(
      'phone_numbers__product_type_check',
      sql`product_type in ('BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn')`,
    )
    .addCheckConstraint(
      'phone_numbers__one_association_check',
      sql`(case when user_id is null then 0 else 1 end) + (case when voice_connector_id is null then 0 else 1 end)
        + (case when voice_connector_group_id is null then 0 else 1 end) + (case when sip_rule_id is null then 0 else 1 end) <= 1`,
    )
    .addCheckConstraint('phone_numbers__user_account_check', sql`(user_id is null) = (account_id is null)`)
    .addCheckConstraint(
      'phone_numbers__assigned_iff_associated_check',
      sql`(status = 'Assigned') = (coalesce(user_id, voice_connector_id, voice_connector_group_id, sip_rule_id) is not null)`,
    )
    .execute();
  await db.schema.createIndex('phone_numbers__organization_idx').on('phone_numbers').columns(['organization_id', 'e164']).execute();
  await db.schema
    .createIndex('phone_numbers__status_idx')
    .on('phone_numbers')
    .columns(['organization_id', 'status', 'e164'])
    .execute();
  await db.schema
    .createIndex('phone_numbers__product_type_idx')
    .on('phone_numbers')
    .columns(['organization_id', 'product_type', 'e164'])
    .execute();
  await db.schema
    .createIndex('phone_numbers__status_product_type_idx')
    .on('phone_numbers')
    .columns(['organization_id', 'status', 'product_type', 'e164'])
    .execute();
  await db.schema.createIndex('phone_numbers__voice_connector_idx').on('phone_numbers').columns(['voice_connector_id', 'e164']).execute();
  await db.schema
    .createIndex('phone_numbers__voice_connector_group_idx')
    .on('phone_numbers')
    .columns(['voice_connector_group_id', 'e164'])
    .execute();
  await db.schema.createIndex('phone_numbers__account_idx').on('phone_numbers').columns(['account_id', 'e164']).execute();
  await db.schema.createIndex('phone_numbers__deleted_idx').on('phone_numbers').columns(['status', 'deleted_at']).execute();
  await db.schema.createIndex('phone_numbers__order_idx').on('phone_numbers').columns(['order_id']).execute();

  await db.schema
    .createTable('audit_events')
    .$call((t) => withSerialId(db, t))
    .addColumn('organization_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events__resource_idx')
    .on('audit_events')
    .columns(['organization_id', 'resource_type', 'resource_id', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_events',
    'phone_numbers',
    'available_numbers',
    'ordered_phone_numbers',
    'phone_number_orders',
    'sip_rule_targets',
    'sip_rules',
    'sip_media_applications',
    'voice_connector_group_items',
    'voice_connector_groups',
    'voice_connectors',
    'user_notifications',
    'users',
    'accounts',
    'access_keys',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
