// The `numberyard` command: builds the commander program and maps every failure to an exit code
// (0 ok, 1 API or data error, 2 bad arguments, 78 bad server settings, 130 interrupted).
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { NumberyardError } from '../domain/numberyard-error';
import { backupCommand, restoreCommand } from './commands/backup.command';
import { demoCommand } from './commands/demo.command';
import { doctorCommand } from './commands/doctor.command';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { adminCommand, keysCommand } from './commands/keys.command';
import { migrateCommand } from './commands/migrate.command';
import { numbersCommand } from './commands/numbers.command';
import { orgsCommand } from './commands/orgs.command';
import { accountsCommand, usersCommand } from './commands/users.command';
import { serveCommand } from './commands/serve.command';
import { sipMediaApplicationsCommand, sipRulesCommand } from './commands/sip.command';
import { voiceConnectorGroupsCommand, voiceConnectorsCommand } from './commands/voice-connectors.command';
import { apiError } from './support/api-errors';
import { CliError, EXIT, type ExitCode } from './support/cli-error';
import { DEFAULT_ENDPOINT, httpEndpointInUse } from './support/connection';
import { isLongRunning } from './support/process-lifetime';

export function buildProgram(): Command {
  const program = new Command('numberyard')
    .description('numberyard: a self-hosted phone number inventory with an Amazon Chime-compatible API')
    .option('--endpoint <url>', `the numberyard server to talk to (env NUMBERYARD_ENDPOINT, default ${DEFAULT_ENDPOINT})`)
    .option('--region <region>', 'the region to sign requests for (env AWS_REGION, default us-east-1)')
    .option('--access-key-id <id>', 'access key id (env AWS_ACCESS_KEY_ID)')
    .option('--secret-access-key <secret>', 'secret access key (env AWS_SECRET_ACCESS_KEY)')
    .option('--json', 'print results as JSON, for scripts')
    .addHelpText(
      'after',
      '\nCommands that talk to a server sign their requests like any AWS SDK client. Operator commands (serve, migrate,\n' +
        'orgs, keys, admin, backup, restore) run on the server host and read its settings from the environment.\n' +
        'Exit codes: 0 ok, 1 API or data error, 2 bad arguments, 78 bad server settings, 130 interrupted (Ctrl-C, or SIGTERM during an import).',
    );

  for (const command of [
    serveCommand(),
    migrateCommand(),
    orgsCommand(),
    keysCommand(),
    adminCommand(),
    numbersCommand(),
    voiceConnectorsCommand(),
    voiceConnectorGroupsCommand(),
    accountsCommand(),
    usersCommand(),
    sipMediaApplicationsCommand(),
    sipRulesCommand(),
    importCommand(),
    exportCommand(),
    demoCommand(),
    backupCommand(),
    restoreCommand(),
    doctorCommand(),
  ]) {
    program.addCommand(command);
  }
  configureAll(program);
  return program;
}

/** Settings commander copies only to subcommands made with .command(), applied to every level. */
function configureAll(command: Command): void {
  command.exitOverride().showHelpAfterError('(run with --help for usage)');
  for (const sub of command.commands) configureAll(sub);
}

/**
 * A failure no command turned into a CliError. Only a command that talked to a server over HTTP gets
 * the API's explanations (such as "cannot reach numberyard at …"); an operator command's own failure
 * (its database, its listening socket) is reported as what it is.
 */
function unexpectedFailure(error: unknown): CliError {
  const endpoint = httpEndpointInUse();
  if (endpoint !== undefined) return apiError(error, endpoint);
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return new CliError(typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message);
}

/** Runs the CLI on `argv` (process.argv shape) and resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed what was wrong with the arguments.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const failure =
      error instanceof CliError
        ? error
        : error instanceof NumberyardError
          ? new CliError(`${error.code}: ${error.message}`)
          : unexpectedFailure(error);
    process.stderr.write(`numberyard: ${failure.message}\n`);
    if (process.env.NUMBERYARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return failure.exitCode;
  }
}

/** Ends the process once stdout and stderr have flushed, unless a command (serve) keeps it running. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const code = await runCli(argv);
  if (isLongRunning() && code === EXIT.ok) return;
  process.exitCode = code;
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
