// Frozen: see 0001. Console users who sign in with a password, the failed sign-ins that slow down
// guessing (rows, so every node counts the same failures), and console sessions that belong to
// either an access key or a console user.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no fixed schema type
type AnyDb = Kysely<any>;

const SESSION_COLUMNS = ['token_hash', 'organization_id', 'access_key_id', 'is_admin', 'csrf_token', 'created_at', 'expires_at'] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('console_users')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull())
    // scrypt$N$r$p$salt$hash: the parameters travel with the hash, so they can be raised later.
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addPrimaryKeyConstraint('console_users__pk', ['id'])
    .addUniqueConstraint('console_users__username_key', ['username'])
    .addForeignKeyConstraint('console_users__organization_fk', ['organization_id'], 'organizations', ['id'])
    .execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.notNull())
    // 'key:<access key id>' or 'user:<username>': what an attacker guesses the secret of.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_failures__pk', ['id'])
    .execute();
  await db.schema.createIndex('login_failures__subject_idx').on('login_failures').columns(['subject', 'failed_at']).execute();
  await db.schema.createIndex('login_failures__failed_at_idx').on('login_failures').columns(['failed_at']).execute();

  await rebuildSessions(db, true);
}

/**
 * Neither dialect can relax NOT NULL on access_key_id the same way (SQLite cannot alter a column),
 * so the small sessions table is rebuilt with its rows: copied aside, recreated under the same
 * constraint names, copied back.
 */
async function rebuildSessions(db: AnyDb, withUsers: boolean): Promise<void> {
  let copy = db.schema.createTable('console_sessions_copy');
  for (const column of SESSION_COLUMNS) copy = copy.addColumn(column, column === 'is_admin' ? 'integer' : 'text');
  await copy.execute();
  await db.insertInto('console_sessions_copy').columns(SESSION_COLUMNS).expression(db.selectFrom('console_sessions').select(SESSION_COLUMNS)).execute();
  await db.schema.dropTable('console_sessions').execute();

  let table = db.schema
    .createTable('console_sessions')
    // SHA-256 of the cookie's token: a database leak does not hand out live sessions.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('access_key_id', 'text', (c) => (withUsers ? c : c.notNull()))
    .addColumn('is_admin', 'integer', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('console_sessions__pk', ['token_hash'])
    .addForeignKeyConstraint('console_sessions__organization_fk', ['organization_id'], 'organizations', ['id'])
    .addForeignKeyConstraint('console_sessions__access_key_fk', ['access_key_id'], 'access_keys', ['access_key_id']);
  if (withUsers) {
    table = table
      .addColumn('console_user_id', 'text')
      .addForeignKeyConstraint('console_sessions__console_user_fk', ['console_user_id'], 'console_users', ['id'])
      .addCheckConstraint('console_sessions__one_principal_check', sql`(access_key_id is null) <> (console_user_id is null)`);
  }
  await table.execute();
  await db.schema.createIndex('console_sessions__expires_idx').on('console_sessions').columns(['expires_at']).execute();
  await db.insertInto('console_sessions').columns(SESSION_COLUMNS).expression(db.selectFrom('console_sessions_copy').select(SESSION_COLUMNS)).execute();
  await db.schema.dropTable('console_sessions_copy').execute();
}

export async function down(db: AnyDb): Promise<void> {
  // Sessions of console users have no access key to fall back to: they end.
  await db.deleteFrom('console_sessions').where('console_user_id', 'is not', null).execute();
  await rebuildSessions(db, false);
  await db.schema.dropTable('login_failures').execute();
  await db.schema.dropTable('console_users').execute();
}
