// `numberyard serve` (what `npm start` runs): load config -> migrate -> listen -> print how to get
// in on first start -> close gracefully on SIGTERM/SIGINT.
import { Command } from 'commander';
import type { Config } from '../../config';
import { CliError, EXIT } from '../support/cli-error';
import { keepProcessAlive } from '../support/process-lifetime';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the numberyard server (API and console) with settings from the environment; see README "Configuration"')
    .action(async () => {
      await serve();
      keepProcessAlive();
    });
}

/** Starts the server; resolves once it listens (the process then lives until a signal). */
export async function serve(): Promise<void> {
  const { serverConfig, databaseFailure, masterKeyFailure } = await import('../support/server-host');
  const { startServer } = await import('../../server');
  const { MasterKeyMismatchError: mismatch } = await import('../../services/organization.service');
  const config = serverConfig();
  const server = await startServer(config).catch((error: unknown) => {
    throw databaseFailure(error, config) ?? listenFailure(error, config) ?? (error instanceof mismatch ? masterKeyFailure(error, config, 'start') : undefined) ?? error;
  });
  const firstKey = await server.services.organizations.bootstrapAdministrator(
    config.bootstrapAccessKeyId && config.bootstrapSecretAccessKey
      ? { accessKeyId: config.bootstrapAccessKeyId, secretAccessKey: config.bootstrapSecretAccessKey }
      : undefined,
  );
  // Signals are handled before anything is printed: whoever reads the output may stop us at once.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), 15_000);
    deadline.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const consoleUrl = `${server.url}/console/`;
  if (firstKey && !config.bootstrapAccessKeyId) {
    // Printed once, on the terminal only (never through the logger): the secret is not stored in clear anywhere else we show.
    process.stdout.write(
      `\nFirst administrator access key (shown once; keep it safe):\n  AWS_ACCESS_KEY_ID=${firstKey.AccessKeyId}\n  AWS_SECRET_ACCESS_KEY=${firstKey.SecretAccessKey}\n` +
        `Sign in to the console at ${consoleUrl} with it, or export both variables for the AWS SDKs and the numberyard CLI\n` +
        `(\`npx numberyard demo\` then loads a sample organization to look around).\n\n`,
    );
  }
  process.stdout.write(`numberyard is listening on ${server.url} (${server.database.dialect})\nConsole: ${consoleUrl}\n`);
}

/** A CliError naming the address when `error` is the listening socket's failure; else undefined. */
function listenFailure(error: unknown, config: Config): CliError | undefined {
  const failure = error as { code?: unknown; syscall?: unknown; hostname?: unknown } | null;
  if (typeof failure?.code !== 'string') return undefined;
  const address = `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  if (failure.syscall === 'listen' || failure.syscall === 'bind') {
    const why =
      failure.code === 'EADDRINUSE'
        ? 'another process listens there'
        : failure.code === 'EADDRNOTAVAIL'
          ? 'that address is not one of this host'
          : failure.code === 'EACCES'
            ? 'ports below 1024 need privileges'
            : 'the system refused it';
    return new CliError(`Cannot listen on ${address} (${failure.code}): ${why}; set NUMBERYARD_HOST / NUMBERYARD_PORT`);
  }
  if (failure.syscall === 'getaddrinfo' && failure.hostname === config.host) {
    return new CliError(`Cannot listen on ${address} (${failure.code}): the host name ${config.host} does not resolve; set NUMBERYARD_HOST to an address of this host`);
  }
  return undefined;
}

