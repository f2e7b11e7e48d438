// What the crash tests check after a restart, read straight from the database and through the
// real `numberyard doctor` (exit 0 = every invariant holds).
import { expect } from 'vitest';
import type { DoctorReport } from '../../src/contract/doctor.schema';
import type { DatabaseHandle } from '../../src/storage/database';
import { runCli } from '../cli/cli-runner';
import type { TestDatabase } from '../support/test-database';
import { signedFetch } from '../../src/client/signed-fetch';
import { TEST_REGION } from '../support/test-server';
import { ADMIN, serverEnv } from './server-child';

/** Runs `numberyard doctor --json` on the database (as an operator on the host would) and expects it healthy. */
export async function expectDoctorHealthy(database: TestDatabase): Promise<DoctorReport> {
  const result = await runCli(['doctor', '--json'], serverEnv(database));
  const report = JSON.parse(result.stdout || '{}') as DoctorReport;
  expect(
    report.Checks?.filter((c) => c.Breaches > 0),
    result.stderr,
  ).toEqual([]);
  expect(result.code, result.stderr).toBe(0);
  return report;
}

/** Runs `work` on a connection of the test's own (closed afterwards). */
export async function withDatabase<T>(database: TestDatabase, work: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
  const handle = database.open();
  try {
    return await work(handle.db);
  } finally {
    await handle.db.destroy();
  }
}

/** Polls `probe` until it is true (or `timeoutMs` passes); returns whether it became true. */
export async function pollUntil(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 15): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}

/** Loads owned numbers into the administrator's organization through the admin route. */
export async function importOwned(url: string, e164s: readonly string[], productType: string): Promise<void> {
  const response = await signedFetch({ endpoint: url, region: TEST_REGION, credentials: ADMIN }, 'POST', '/admin/phone-numbers?operation=import', {
    PhoneNumbers: e164s.map((E164PhoneNumber) => ({ E164PhoneNumber, ProductType: productType })),
  });
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
}
