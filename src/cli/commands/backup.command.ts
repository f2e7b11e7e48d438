// `numberyard backup FILE` / `restore FILE`: the SQLite database, on the server's host. Backups use
// SQLite's online backup API, so they are consistent while the server runs and writes. PostgreSQL
// deployments use pg_dump / pg_restore instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { CliError, EXIT } from '../support/cli-error';
import { commandContext } from '../support/command-context';

const PG_DUMP_HINT =
  'numberyard is configured for PostgreSQL (DATABASE_URL): back it up with pg_dump (`pg_dump --format=custom "$DATABASE_URL" > numberyard.dump`) ' +
  'and restore with pg_restore (`pg_restore --clean --dbname "$DATABASE_URL" numberyard.dump`)';

/** The SQLite database file; `mustExist` (backup) refuses a data directory without one, creating nothing. */
async function sqlitePath(mustExist: boolean): Promise<string> {
  const { existingDatabaseTarget, serverConfig } = await import('../support/server-host');
  const { sqliteDatabasePath } = await import('../../server');
  const config = serverConfig();
  if (config.databaseUrl) throw new CliError(PG_DUMP_HINT, EXIT.failure);
  if (mustExist) existingDatabaseTarget(config);
  return sqliteDatabasePath(config.dataDir);
}

/** True when another connection (a running server) has the WAL database open. */
async function inUse(databasePath: string): Promise<boolean> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const probe = new BetterSqlite3(databasePath, { fileMustExist: true, timeout: 0 });
  try {
    // Leaving WAL mode needs the only connection to the file; any other open connection refuses it.
    probe.pragma('journal_mode = DELETE');
    probe.pragma('journal_mode = WAL');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code?.startsWith('SQLITE_LOCKED')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

export function backupCommand(): Command {
  return new Command('backup')
    .description("Copy the SQLite database to FILE with SQLite's online backup (consistent even while the server runs)")
    .argument('<file>', 'where to write the backup')
    .option('--force', 'overwrite FILE if it exists', false)
    .action(async (file: string, options: { force: boolean }, command: Command) => {
      const { output } = commandContext(command);
      const source = await sqlitePath(true);
      if (fs.existsSync(file) && !options.force) throw new CliError(`${file} exists: choose another name or pass --force to overwrite it`, EXIT.usage);
      const { default: BetterSqlite3 } = await import('better-sqlite3');
      const database = new BetterSqlite3(source, { fileMustExist: true });
      try {
        const startedAt = Date.now();
        await database.backup(file);
        const bytes = fs.statSync(file).size;
        output.result({ source, backup: path.resolve(file), bytes, seconds: (Date.now() - startedAt) / 1000 }, (r) => `Backed up ${r.source} to ${r.backup} (${r.bytes} bytes)`);
      } finally {
        database.close();
      }
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('Replace the SQLite database with a backup made by `numberyard backup` (stop the server first)')
    .argument('<file>', 'the backup to restore')
    .option('--force', 'restore even though a server has the database open (restart that server right after)', false)
    .action(async (file: string, options: { force: boolean }, command: Command) => {
      const { output } = commandContext(command);
      const target = await sqlitePath(false);
      if (!fs.existsSync(file)) throw new CliError(`Cannot read ${file}: no such file`, EXIT.usage);
      const { default: BetterSqlite3 } = await import('better-sqlite3');

      // Only a sound numberyard database replaces the live one. The check runs on a copy in a
      // directory of its own, read-write: a read-only connection's integrity_check does not report
      // rows that break CHECK constraints, and any connection to a WAL file leaves -wal/-shm files
      // beside it, which must not appear next to the operator's backup.
      const checkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-restore-check-'));
      try {
        const copy = path.join(checkDir, 'backup.db');
        fs.copyFileSync(file, copy);
        let backup;
        try {
          backup = new BetterSqlite3(copy, { fileMustExist: true });
        } catch (error) {
          throw new CliError(`${file} is not a SQLite database: ${(error as Error).message}`);
        }
        try {
          const problems = backup.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
          const integrity = problems.map((p) => p.integrity_check);
          if (integrity.join() !== 'ok') throw new CliError(`${file} is damaged (integrity check: ${integrity.join('; ')}); it was not restored`);
          const tables = backup.prepare("select name from sqlite_master where type = 'table' and name in ('phone_numbers', 'kysely_migration')").all();
          if (tables.length !== 2) throw new CliError(`${file} is not a numberyard database (no phone_numbers / kysely_migration tables); it was not restored`);
        } catch (error) {
          if (error instanceof CliError) throw error;
          throw new CliError(`${file} is not a SQLite database: ${(error as Error).message}`);
        } finally {
          backup.close();
        }
      } finally {
        fs.rmSync(checkDir, { recursive: true, force: true });
      }

      const running = fs.existsSync(target) && (await inUse(target));
      if (running && !options.force) {
        throw new CliError(`The database ${target} is in use (is numberyard running?): stop the server, then restore; or pass --force and restart the server right after`);
      }
      // Copy next to the target, then swap it in with one rename, so that the database is never half-written.
      const staging = `${target}.restoring`;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, staging);
      for (const sidecar of [`${target}-wal`, `${target}-shm`]) fs.rmSync(sidecar, { force: true });
      fs.renameSync(staging, target);
      output.result({ restored: path.resolve(file), database: target, serverWasRunning: running }, (r) =>
        `Restored ${r.restored} into ${r.database}${r.serverWasRunning ? '\nA server had the old database open: restart it now.' : ''}`,
      );
    });
}
