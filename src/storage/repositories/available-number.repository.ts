import type { Insertable, Selectable } from 'kysely';
import type { AvailableNumbersTable } from '../database-schema';
import { chunkForParameters } from '../chunk';
import type { Executor } from '../executor';

export type AvailableNumberRow = Selectable<AvailableNumbersTable>;

export interface AvailableNumberSearch {
  country: string;
  numberType?: string | undefined;
  areaCode?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
}

const AVAILABLE_NUMBER_COLUMNS = 7;

export const availableNumberRepository = {
  /** Adds numbers to the pool; ones already there are left alone. Returns the ones added. */
  async insertNew(db: Executor, rows: readonly Insertable<AvailableNumbersTable>[], maxBindParameters: number): Promise<string[]> {
    const inserted: string[] = [];
    for (const chunk of chunkForParameters(rows, AVAILABLE_NUMBER_COLUMNS, maxBindParameters)) {
      if (chunk.length === 0) continue;
      const result = await db
        .insertInto('available_numbers')
        .values(chunk)
        .onConflict((oc) => oc.column('e164').doNothing())
        .returning('e164')
        .execute();
      inserted.push(...result.map((r) => r.e164));
    }
    return inserted;
  },

  /** Which of these numbers are in the pool. */
  async listPresent(db: Executor, e164s: readonly string[]): Promise<string[]> {
    const present: string[] = [];
    for (const chunk of chunkForParameters(e164s, 1, 30_000)) {
      if (chunk.length === 0) continue;
      present.push(...(await db.selectFrom('available_numbers').select('e164').where('e164', 'in', chunk).execute()).map((row) => row.e164));
    }
    return present;
  },

  async search(db: Executor, search: AvailableNumberSearch, afterE164: string | undefined, limit: number): Promise<AvailableNumberRow[]> {
    let query = db.selectFrom('available_numbers').selectAll().where('country', '=', search.country);
    if (search.numberType) query = query.where('number_type', '=', search.numberType);
    if (search.areaCode) query = query.where('area_code', '=', search.areaCode);
    if (search.state) query = query.where('state', '=', search.state);
    if (search.city) query = query.where('city', '=', search.city);
    if (afterE164 !== undefined) query = query.where('e164', '>', afterE164);
    return query.orderBy('e164').limit(limit + 1).execute();
  },

  /**
   * Takes numbers out of the pool and returns the rows taken. A number two orders race for is
   * deleted by one of them only, so it is never sold twice.
   */
  async take(db: Executor, e164s: readonly string[]): Promise<AvailableNumberRow[]> {
    const taken: AvailableNumberRow[] = [];
    for (const chunk of chunkForParameters(e164s, 1, 30_000)) {
      if (chunk.length === 0) continue;
      taken.push(...(await db.deleteFrom('available_numbers').where('e164', 'in', chunk).returningAll().execute()));
    }
    return taken;
  },
};
