// better-sqlite3 builds a row object by setting its properties one at a time through V8's API, and
// on a page of a hundred 21-column rows that is half the cost of the query. Reading the rows as
// arrays and building each object from an object literal made for the statement's columns gives
// the same objects (same keys, same order, a later duplicate name winning) in half the time.
// The literal is compiled once per prepared statement, as Ajv and fast-json-stringify compile theirs.

export type RowReader = (row: readonly unknown[]) => Record<string, unknown>;

/** A name that an object literal would not turn into an own property; such statements keep better-sqlite3's objects. */
const UNSAFE_NAME = '__proto__';

/** Builds rows with `columnNames` as keys, or undefined when a name cannot be a literal's key. */
export function rowReader(columnNames: readonly string[]): RowReader | undefined {
  if (columnNames.includes(UNSAFE_NAME)) return undefined;
  // JSON.stringify quotes each name as a valid property key, whatever characters the SQL alias holds.
  const properties = columnNames.map((name, index) => `${JSON.stringify(name)}: row[${index}]`).join(', ');
  // Named, so that CPU profiles (bench/support/cpu-phases.ts) can tell it apart from other generated code.
  return new Function(`return function readSqliteRow(row) { return { ${properties} }; };`)() as RowReader;
}
