// Frozen: see 0001. Console sessions live in the database so that any node can serve any request.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no fixed schema type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('console_sessions')
    // SHA-256 of the cookie's token: a database leak does not hand out live sessions.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('access_key_id', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('console_sessions__pk', ['token_hash'])
    .addForeignKeyConstraint('console_sessions__organization_fk', ['organization_id'], 'organizations', ['id'])
    .addForeignKeyConstraint('console_sessions__access_key_fk', ['access_key_id'], 'access_keys', ['access_key_id'])
    .execute();
  await db.schema.createIndex('console_sessions__expires_idx').on('console_sessions').columns(['expires_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('console_sessions').execute();
}
