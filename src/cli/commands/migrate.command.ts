// `numberyard migrate`: brings the configured database's schema up to date without starting the server.
import { Command } from 'commander';
import { commandContext } from '../support/command-context';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations to the configured database (the server also does this when it starts)')
    .action(async (_options, command: Command) => {
      const { output } = commandContext(command);
      const { serverConfig, describeDatabase, onDatabase } = await import('../support/server-host');
      const { databaseTargetOf } = await import('../../server');
      const { openDatabase } = await import('../../storage/database');
      const { migrateToLatest } = await import('../../storage/migrator');
      const config = serverConfig();
      const database = await onDatabase(config, async () => openDatabase(databaseTargetOf(config)));
      try {
        const applied = await onDatabase(config, () => migrateToLatest(database.db));
        output.result({ database: database.dialect, applied }, () =>
          applied.length === 0 ? `The ${describeDatabase(config)} is up to date.` : `Applied to the ${describeDatabase(config)}:\n${applied.map((m) => `  ${m}`).join('\n')}`,
        );
      } finally {
        await database.db.destroy();
      }
    });
}
