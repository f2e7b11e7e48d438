import { sql } from 'kysely';
import type { DatabaseHandle } from './database';

const ONE_HOUR_MS = 60 * 60 * 1000;

/**
 * SQLite plans queries without table statistics until something gathers them, and then picks poor
 * indexes for skewed filters (a rare status within a large country). `PRAGMA optimize` gathers them
 * only for tables that changed a lot, so it is cheap to run hourly on a long-lived connection, as
 * SQLite's documentation advises. PostgreSQL's autovacuum keeps its own statistics: nothing to do.
 * Returns a job round: 1 when it ran, 0 when it was not due.
 */
export function sqliteStatisticsJob(database: DatabaseHandle, intervalMs = ONE_HOUR_MS): { name: string; run(): Promise<number> } {
  let lastRun = Date.now();
  return {
    name: 'sqlite-optimize',
    async run() {
      if (database.dialect !== 'sqlite' || Date.now() - lastRun < intervalMs) return 0;
      lastRun = Date.now();
      await sql`pragma optimize`.execute(database.db);
      return 1;
    },
  };
}
