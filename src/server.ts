// Assembles a running numberyard from a Config: database, migrations, services, HTTP app and jobs.
// Used by main.ts and by tests that need a real listening server.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { NumberyardError } from './domain/numberyard-error';
import { buildApp } from './http/app';
import { requestLoggerOptions } from './http/observability/request-logging';
import { startJobs } from './jobs/job-runner';
import { createServices, type Services } from './services';
import { createSecretBox, loadOrCreateMasterKeyFile } from './services/secret-box';
import { systemClock, type Clock } from './services/service-context';
import { openDatabase, type DatabaseHandle } from './storage/database';
import { migrateToLatest } from './storage/migrator';
import { sqliteStatisticsJob } from './storage/query-planner-statistics';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** The SQLite database file of a data directory. */
export function sqliteDatabasePath(dataDir: string): string {
  return path.join(dataDir, 'numberyard.db');
}

export function databaseTargetOf(config: Pick<Config, 'databaseUrl' | 'dataDir'>) {
  if (config.databaseUrl) return { kind: 'postgres' as const, url: config.databaseUrl };
  fs.mkdirSync(config.dataDir, { recursive: true });
  return { kind: 'sqlite' as const, path: sqliteDatabasePath(config.dataDir) };
}

/** NUMBERYARD_MASTER_KEY, or else the key file of the data directory (created on first use). */
export function masterKeyOf(config: Pick<Config, 'masterKey' | 'dataDir'>): Buffer {
  return config.masterKey ?? loadOrCreateMasterKeyFile(config.dataDir);
}

export async function startServer(config: Config, options: { clock?: Clock; logger?: boolean | object } = {}): Promise<RunningServer> {
  const database = openDatabase(databaseTargetOf(config));
  try {
    await migrateToLatest(database.db);
    const services = createServices({
      database,
      clock: options.clock ?? systemClock,
      settings: { region: config.region, deletionRestoreWindowMs: config.deletionRestoreWindowMs },
      secretBox: createSecretBox(masterKeyOf(config)),
    });
    await services.organizations.sealStoredSecrets();
    const app = await buildApp({
      services,
      regions: [config.region],
      ...(config.rateLimit ? { rateLimit: config.rateLimit } : {}),
      metrics: config.metrics ?? true,
      secureCookies: config.secureCookies ?? false,
      logger: options.logger ?? requestLoggerOptions(config.logLevel),
    });
    const jobs = startJobs(
      [
        { name: 'purge-deleted-numbers', run: () => services.phoneNumbers.purgeExpiredDeletions() },
        { name: 'complete-phone-number-orders', run: () => services.orders.completeProcessingOrders() },
        sqliteStatisticsJob(database),
      ],
      config.jobIntervalMs,
      app.log,
    );
    // A response that finishes while the server closes also closes its keep-alive connection;
    // otherwise that idle socket would hold app.close() open for the whole keep-alive timeout.
    let closing = false;
    // A callback hook: an async one costs a promise and a microtask on every response.
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (closing) reply.header('connection', 'close');
      done(null, payload);
    });
    // A request that arrives on a kept-alive connection while the server closes is refused as
    // ServiceUnavailableException, which the SDKs retry (on another node, or after the restart).
    app.addHook('onRequest', (_request, _reply, done) => {
      if (closing) done(new NumberyardError('ServiceUnavailable', 'numberyard is shutting down; retry the request'));
      else done();
    });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      services,
      database,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      async close() {
        closing = true;
        // Stop accepting at once (app.close) while the current job round finishes; requests in flight complete.
        await Promise.all([jobs.stop(), app.close()]);
        await database.db.destroy();
      },
    };
  } catch (error) {
    await database.db.destroy();
    throw error;
  }
}
