import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database-schema';
import { ImmediateTransactionSqliteDialect } from './sqlite-immediate-transactions';
import { withStatementCache } from './sqlite-statement-cache';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite's limit on bound parameters is far lower than PostgreSQL's; bulk writes chunk by this. */
  maxBindParameters: number;
}

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize?: number };

// PostgreSQL returns int8 (count(*), identity ids) as strings; every such value here fits in a double.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * While PostgreSQL is down, a new connection is refused at once; an unreachable host (no answer at
 * all) must fail almost as quickly, so that requests get their 503 in about a second, not after the
 * pool's longer wait, which is for queueing behind busy connections.
 */
class QuickConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: 1_500 });
  }
}

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === 'sqlite') {
    const sqlite = new BetterSqlite3(target.path);
    // WAL lets readers (the CLI, a backup) run beside the server's writer; the busy timeout makes
    // a second writer wait instead of failing at once.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // Gather the query planner's statistics where they are missing or stale (cheap; see query-planner-statistics.ts).
    sqlite.pragma('optimize = 0x10002');
    return { db: new Kysely<Database>({ dialect: new ImmediateTransactionSqliteDialect({ database: withStatementCache(sqlite) }) }), dialect: 'sqlite', maxBindParameters: 32_000 };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    types: pgTypes,
    // How long a request may wait for a pooled connection under load before a retryable 503
    // (src/storage/database-errors.ts). Opening a connection has its own, shorter limit below.
    connectionTimeoutMillis: 10_000,
    Client: QuickConnectClient,
    // Notice a silently dropped connection (a PostgreSQL host gone from the network) instead of waiting on it forever.
    keepAlive: true,
    // A lock wait or a statement that runs away must not hold a request (and a pool connection) forever.
    statement_timeout: 60_000,
  });
  // An idle client that loses its connection (the server restarted) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one between two statements: pg-pool listens only on idle clients, and an
  // 'error' event nobody listens to ends the process. The statement in flight fails by itself, and
  // pg-pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', maxBindParameters: 60_000 };
}
