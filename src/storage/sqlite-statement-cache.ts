import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

// Kysely's SQLite driver prepares every query anew, and on a simple lookup preparing costs as much
// as running it. The queries a request makes come from a small set of SQL texts, so their prepared
// statements are kept and reused. Only short texts are kept: a bulk INSERT of a thousand rows
// is long, rare and would hold megabytes. Reuse is safe because Kysely runs one query at a time on
// SQLite's single connection (a streaming query holds the connection until it ends).
const MAX_CACHED_SQL_LENGTH = 2_000;
const MAX_CACHED_STATEMENTS = 500;

export function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) return cached;
      const statement = sqlite.prepare(sql);
      if (sql.length <= MAX_CACHED_SQL_LENGTH) {
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
