// Phase 1: loading the inventory through the real path, next to a raw better-sqlite3 INSERT of the
// same rows into a table of the same shape, measured in the same run.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { BATCH_MAX_ITEMS } from '../../src/contract/limits';
import type { Services } from '../../src/services';
import type { Caller } from '../../src/services/service-context';
import type { Database } from '../../src/storage/database-schema';
import { migrateToLatest } from '../../src/storage/migrator';
import { benchNumber, INVENTORY_SIZE } from './numbers';
import { progress, round } from './stats';

export interface LoadFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

function figures(rows: number, startedAt: bigint): LoadFigures {
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  return { rows, seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds) };
}

/**
 * The CLI's import sends the admin route one request of at most BATCH_MAX_ITEMS numbers at a time,
 * and that route is services.inventoryImport.importOwnedNumbers; this calls the service the same way
 * (one transaction per batch: E.164 parsing, product-type rules, INSERT ... ON CONFLICT DO NOTHING
 * RETURNING, one audit event per number), minus the HTTP transport.
 */
export async function loadThroughService(services: Services, admin: Caller, organizationId: string): Promise<LoadFigures> {
  const startedAt = process.hrtime.bigint();
  for (let first = 0; first < INVENTORY_SIZE; first += BATCH_MAX_ITEMS) {
    const PhoneNumbers = [];
    for (let i = first; i < Math.min(first + BATCH_MAX_ITEMS, INVENTORY_SIZE); i += 1) {
      const n = benchNumber(i);
      PhoneNumbers.push({ E164PhoneNumber: n.e164, ProductType: n.productType });
    }
    const result = await services.inventoryImport.importOwnedNumbers(admin, { OrganizationId: organizationId, PhoneNumbers });
    if (result.Imported.length !== PhoneNumbers.length) {
      throw new Error(`batch at ${first} imported ${result.Imported.length} of ${PhoneNumbers.length}: ${JSON.stringify(result.PhoneNumberErrors.slice(0, 3))}`);
    }
    if ((first + BATCH_MAX_ITEMS) % 100_000 === 0) progress(`service load: ${first + BATCH_MAX_ITEMS} numbers`);
  }
  return figures(INVENTORY_SIZE, startedAt);
}

const COLUMNS = [
  'e164', 'organization_id', 'country', 'number_type', 'area_code', 'product_type', 'status', 'calling_name', 'calling_name_status',
  'name', 'order_id', 'user_id', 'account_id', 'voice_connector_id', 'voice_connector_group_id', 'sip_rule_id', 'associated_at',
  'created_at', 'updated_at', 'deleted_at', 'version',
] as const;

/**
 * The baseline: the same rows inserted with one prepared better-sqlite3 INSERT per row, in
 * transactions of the same size, into a scratch database migrated with the same migrations (so the
 * phone_numbers table has the same columns, constraints and nine indexes) and opened with the
 * pragmas openDatabase sets. No parsing, no rules, no audit events, no query builder.
 */
export async function loadRawBaseline(scratchPath: string): Promise<LoadFigures> {
  const sqlite = new BetterSqlite3(scratchPath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(kysely);
    const now = new Date().toISOString();
    sqlite.prepare('insert into organizations (id, name, created_at, updated_at, version) values (?, ?, ?, ?, 1)').run('scratch', 'Scratch', now, now);
    const insert = sqlite.prepare(`insert into phone_numbers (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    const insertBatch = sqlite.transaction((first: number, last: number) => {
      for (let i = first; i < last; i += 1) {
        const n = benchNumber(i);
        insert.run(n.e164, 'scratch', 'US', 'Local', n.areaCode, n.productType, 'Unassigned', null, 'Unassigned', null, null, null, null, null, null, null, null, now, now, null, 1);
      }
    });
    const startedAt = process.hrtime.bigint();
    for (let first = 0; first < INVENTORY_SIZE; first += BATCH_MAX_ITEMS) {
      insertBatch(first, Math.min(first + BATCH_MAX_ITEMS, INVENTORY_SIZE));
      if ((first + BATCH_MAX_ITEMS) % 250_000 === 0) progress(`raw baseline: ${first + BATCH_MAX_ITEMS} rows`);
    }
    return figures(INVENTORY_SIZE, startedAt);
  } finally {
    await kysely.destroy();
  }
}
