// For the operator commands that run on the server's host (migrate, orgs, keys, admin, backup,
// restore): the server's own configuration and services, opened on its database directly.
import { ConfigError, loadConfig, type Config } from '../../config';
import { databaseTargetOf, masterKeyOf } from '../../server';
import { createServices, type Services } from '../../services';
import { createSecretBox } from '../../services/secret-box';
import { systemClock } from '../../services/service-context';
import { openDatabase, type DatabaseHandle } from '../../storage/database';
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

/** Where the data of this configuration lives, for messages. */
export function describeDatabase(config: Config): string {
  const target = databaseTargetOf(config);
  return target.kind === 'sqlite' ? `SQLite database ${target.path}` : 'PostgreSQL database (DATABASE_URL)';
}

/**
 * Runs `work` with the services on the configured database, then closes it. The schema must be
 * current: these commands never migrate behind the operator's back.
 */
export async function withServices<T>(work: (services: Services, database: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = serverConfig();
  const database = openDatabase(databaseTargetOf(config));
  try {
    if (!(await isSchemaCurrent(database.db))) {
      throw new CliError(`The ${describeDatabase(config)} is not migrated to this version: run \`numberyard migrate\` (or start the server) first`);
    }
    const services = createServices({
      database,
      clock: systemClock,
      settings: { region: config.region, deletionRestoreWindowMs: config.deletionRestoreWindowMs },
      secretBox: createSecretBox(masterKeyOf(config)),
    });
    return await work(services, database, config);
  } finally {
    await database.db.destroy();
  }
}
