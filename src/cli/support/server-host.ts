// For the operator commands that run on the server's host (migrate, orgs, keys, admin, backup,
// restore): the server's own configuration and services, opened on its database directly.
import { ConfigError, loadConfig, type Config } from '../../config';
import fs from 'node:fs';
import path from 'node:path';
import { databaseTargetOf, masterKeyOf, sqliteDatabasePath } from '../../server';
import { createServices, type Services } from '../../services';
import { MasterKeyMismatchError } from '../../services/organization.service';
import { createSecretBox } from '../../services/secret-box';
import { systemClock } from '../../services/service-context';
import { openDatabase, type DatabaseHandle } from '../../storage/database';
import { translateDatabaseError } from '../../storage/database-errors';
import { isSchemaCurrent } from '../../storage/migrator';
import { CliError, EXIT } from './cli-error';

/** The server's settings from the environment; bad ones end the command with exit code 78. */
export function serverConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT.config);
    throw error;
  }
}

/** Where the data of this configuration lives, for messages (creates nothing). */
export function describeDatabase(config: Config): string {
  return config.databaseUrl ? `PostgreSQL database at ${postgresAddress(config.databaseUrl)} (DATABASE_URL)` : `SQLite database ${sqliteDatabasePath(config.dataDir)}`;
}

/**
 * The database of a deployment that exists already: commands other than `serve`, `migrate` and
 * `restore` must never create one (run in the wrong directory, they would otherwise make an empty
 * ./data/numberyard.db and suggest migrating it). Creates no directory and no file.
 */
export function existingDatabaseTarget(config: Config): ReturnType<typeof databaseTargetOf> {
  if (config.databaseUrl) return databaseTargetOf(config);
  const file = sqliteDatabasePath(config.dataDir);
  if (!fs.existsSync(file)) {
    throw new CliError(
      `There is no numberyard database at ${file}: set NUMBERYARD_DATA_DIR to the server's data directory (or DATABASE_URL for PostgreSQL). ` +
        '`numberyard serve` (or `numberyard migrate`) creates a new one there',
      EXIT.config,
    );
  }
  return { kind: 'sqlite', path: file };
}

/** host:port/database of a postgres:// URL: never its user name or password. */
export function postgresAddress(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${database ? `/${database}` : ''}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// PostgreSQL refusing the connection itself: 28xxx authentication, 3D000 no such database.
const POSTGRES_REFUSED = /^(28[0-9A-Z]{3}|3D000)$/;

/**
 * A CliError naming the database when `error` says the configured database cannot be reached or
 * opened (the message holds its address, never DATABASE_URL's password); undefined for other errors.
 */
export function databaseFailure(error: unknown, config: Config): CliError | undefined {
  if (error instanceof CliError || typeof error !== 'object' || error === null) return undefined;
  const code = codeOf(error);
  if (config.databaseUrl) {
    const unreachable = translateDatabaseError(error)?.code === 'ServiceUnavailable';
    if (!unreachable && !(code && POSTGRES_REFUSED.test(code))) return undefined;
    // pg's own messages name the host or the user at most; the reason is shown, the URL is not.
    const reason = code && POSTGRES_REFUSED.test(code) ? `${code}: ${(error as Error).message}` : (code ?? (error as Error).message);
    return new CliError(
      `Cannot connect to the PostgreSQL database at ${postgresAddress(config.databaseUrl)} (${reason}): check DATABASE_URL and that PostgreSQL is running and reachable from this host`,
    );
  }
  if (code?.startsWith('SQLITE_')) {
    return new CliError(`Cannot use the ${describeDatabase(config)} (${code}: ${(error as Error).message}): check NUMBERYARD_DATA_DIR and the file's permissions`);
  }
  return undefined;
}

/** Runs `work`, turning a failure to reach or open the configured database into a message naming it. */
export async function onDatabase<T>(config: Config, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw databaseFailure(error, config) ?? error;
  }
}

/**
 * Runs `work` with the services on the configured database, then closes it. The schema must be
 * current: these commands never migrate behind the operator's back.
 */
/** A wrong master key is a bad setting (exit code 78); the message names it, never its value. */
export function masterKeyFailure(error: MasterKeyMismatchError, config: Config, what: 'start' | 'use this database'): CliError {
  const which = config.masterKey ? 'NUMBERYARD_MASTER_KEY' : `The master key file ${path.join(config.dataDir, 'master.key')} (NUMBERYARD_MASTER_KEY is unset)`;
  return new CliError(
    `numberyard cannot ${what}; fix these settings:\n  - ${which} does not open the secret access keys stored in the database (access key ${error.accessKeyId} was sealed under another master key): ` +
      'set NUMBERYARD_MASTER_KEY to the key the secrets were sealed with (the same on every node), or restore the master.key file that came with this database',
    EXIT.config,
  );
}

export async function withServices<T>(work: (services: Services, database: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = serverConfig();
  const database = await onDatabase(config, async () => openDatabase(existingDatabaseTarget(config)));
  try {
    if (!(await onDatabase(config, () => isSchemaCurrent(database.db)))) {
      throw new CliError(`The ${describeDatabase(config)} is not migrated to this version: run \`numberyard migrate\` (or start the server) first`);
    }
    const services = createServices({
      database,
      clock: systemClock,
      settings: { region: config.region, deletionRestoreWindowMs: config.deletionRestoreWindowMs },
      secretBox: createSecretBox(masterKeyOf(config)),
    });
    // As the server does at start: a command run with another master key would otherwise seal the
    // keys it creates under a key the server cannot open.
    await services.organizations.sealStoredSecrets().catch((error: unknown) => {
      throw error instanceof MasterKeyMismatchError ? masterKeyFailure(error, config, 'use this database') : error;
    });
    return await work(services, database, config);
  } finally {
    await database.db.destroy();
  }
}
