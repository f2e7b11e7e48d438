// `numberyard serve` (what `npm start` runs): load config -> migrate -> listen -> print how to get
// in on first start -> close gracefully on SIGTERM/SIGINT.
import { Command } from 'commander';
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
  const { serverConfig } = await import('../support/server-host');
  const { startServer } = await import('../../server');
  const config = serverConfig();
  const server = await startServer(config);
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
