// Every storage and service test runs once per dialect. SQLite always; PostgreSQL when
// NUMBERYARD_TEST_DATABASE_URL points at a server (CI always sets it: see .ci/run).
import type { Dialect } from '../../src/storage/database';

const postgresUrl = process.env.NUMBERYARD_TEST_DATABASE_URL;
if (process.env.CI && !postgresUrl) {
  throw new Error('CI must set NUMBERYARD_TEST_DATABASE_URL: every storage test has to run on PostgreSQL too');
}

const only = process.env.DIALECTS?.split(',');

export const DIALECTS: Dialect[] = (['sqlite', 'postgres'] as const).filter(
  (dialect) => (dialect !== 'postgres' || postgresUrl !== undefined) && (!only || only.includes(dialect)),
);

export function postgresAdminUrl(): string {
  if (!postgresUrl) throw new Error('NUMBERYARD_TEST_DATABASE_URL is not set');
  return postgresUrl;
}
