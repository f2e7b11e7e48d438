import type { CompiledQuery, Compilable } from 'kysely';
import type { Executor } from './executor';

/** Stands for the i-th argument while a query is built once. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * Kysely builds and compiles a query anew on every call; on a one-row lookup made on every request
 * (the access key, the phone number) that costs about as much as SQLite running it. A lookup whose
 * shape never changes is built once per executor (each database handle has its own dialect) with
 * slots in place of its arguments, and later calls only fill in the parameters. The SQL text is then
 * identical on every call, so SQLite's statement cache reuses one prepared statement.
 */
export function reusableQuery<A extends unknown[], R>(build: (db: Executor, ...args: A) => Compilable<R>): (db: Executor, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<Executor, { query: CompiledQuery<R>; slots: number[] }>();
  return async (db, ...args) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db, ...(args.map((_, i) => new Slot(i)) as A)).compile();
      entry = { query, slots: query.parameters.map((p) => (p instanceof Slot ? p.index : -1)) };
      compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p, i) => (slots[i]! < 0 ? p : args[slots[i]!]));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
