// numberyard's entry point: load config -> migrate -> listen -> close gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const server = await startServer(config);
  const firstKey = await server.services.organizations.bootstrapAdministrator(
    config.bootstrapAccessKeyId && config.bootstrapSecretAccessKey
      ? { accessKeyId: config.bootstrapAccessKeyId, secretAccessKey: config.bootstrapSecretAccessKey }
      : undefined,
  );
  if (firstKey && !config.bootstrapAccessKeyId) {
    // Printed once, on the terminal only (never through the logger): the secret is not stored in clear anywhere else we show.
    process.stdout.write(
      `\nFirst administrator access key (shown once; keep it safe):\n  AWS_ACCESS_KEY_ID=${firstKey.AccessKeyId}\n  AWS_SECRET_ACCESS_KEY=${firstKey.SecretAccessKey}\n\n`,
    );
  }
  process.stdout.write(`numberyard is listening on ${server.url} (${server.database.dialect})\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), 15_000);
    deadline.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
