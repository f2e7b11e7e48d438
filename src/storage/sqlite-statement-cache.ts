import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { rowReader, type RowReader } from './sqlite-row-reader';

// Kysely's SQLite driver prepares every query anew, and on a simple lookup preparing costs as much
// as running it. The queries a request makes come from a small set of SQL texts, so their prepared
// statements are kept and reused. Only short texts are kept: a bulk INSERT of a thousand rows
// is long, rare and would hold megabytes. Reuse is safe because Kysely runs one query at a time on
// SQLite's single connection (a streaming query holds the connection until it ends).
const MAX_CACHED_SQL_LENGTH = 2_000;
const MAX_CACHED_STATEMENTS = 500;
/** A schema change can change what `select *` returns, so it drops every statement and row reader made before it. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

export function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) return cached;
      const changesSchema = SCHEMA_CHANGE.test(sql);
      if (changesSchema) statements.clear();
      const statement = adapt(sqlite.prepare(sql));
      if (sql.length <= MAX_CACHED_SQL_LENGTH && !changesSchema) {
        // Past the limit, forget the oldest statement (Map keeps insertion order).
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}

/** Readers return their rows through a RowReader (see sqlite-row-reader.ts); writers, and readers with an unusual column name, are left as they are. */
function adapt(statement: BetterSqlite3.Statement): SqliteStatement {
  const read: RowReader | undefined = statement.reader ? rowReader(statement.columns().map((column) => column.name)) : undefined;
  if (!read) return statement;
  statement.raw(true);
  return {
    reader: true,
    all(parameters) {
      return (statement.all(parameters) as unknown[][]).map(read);
    },
    run(parameters) {
      return statement.run(parameters);
    },
    *iterate(parameters) {
      for (const row of statement.iterate(parameters) as IterableIterator<unknown[]>) yield read(row);
    },
  };
}
