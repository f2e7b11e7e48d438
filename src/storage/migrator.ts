import { type Kysely, type Migration, Migrator } from 'kysely';
import * as initialSchema from './migrations/0001-initial-schema';
import * as consoleSessions from './migrations/0002-console-sessions';
import * as phoneNumberCountryIndex from './migrations/0003-phone-number-country-index';
import * as consoleUsers from './migrations/0004-console-users';

// Listed here rather than read from the folder, so that a bundled or type-checked build sees them all.
const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-console-sessions': consoleSessions,
  '0003-phone-number-country-index': phoneNumberCountryIndex,
  '0004-console-users': consoleUsers,
};

/**
 * Brings the schema up to date. Kysely's migrator takes a lock row first, so several nodes that
 * start at the same moment run each migration exactly once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
/** True when every known migration has been applied (used by the readiness check). */
export async function isSchemaCurrent(db: Kysely<any>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
