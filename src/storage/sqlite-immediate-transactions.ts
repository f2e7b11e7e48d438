import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Starts every SQLite transaction with BEGIN IMMEDIATE instead of Kysely's plain (deferred) BEGIN.
 * A deferred transaction that reads and then writes while another process (the CLI, a backup) holds
 * the write lock fails with SQLITE_BUSY at once, because SQLite cannot wait out a lock upgrade.
 * Taking the write lock at BEGIN lets the busy timeout do its job. This process has one connection,
 * so it costs nothing here.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateTransactionSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.#config);
  }
}
