import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/storage/database';
import { migrateToLatest } from '../../src/storage/migrator';
import { postgresAdminUrl } from './dialects';

export interface TestDatabase {
  dialect: Dialect;
  /** What the server's config needs to reach this database. */
  config: { databaseUrl: string | undefined; dataDir: string };
  /** Opens a migrated handle (the caller destroys it). */
  open(): DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, empty, migrated database of its own for one test file. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-test-'));
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (dialect === 'postgres') {
    name = `ny_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const open = () =>
    openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', path: path.join(dataDir, 'numberyard.db') });
  const first = open();
  await migrateToLatest(first.db);
  await first.db.destroy();
  return {
    dialect,
    config: { databaseUrl, dataDir },
    open,
    async drop() {
      if (name) {
        const admin = new pg.Client({ connectionString: postgresAdminUrl() });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
