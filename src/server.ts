// Assembles a running numberyard from a Config: database, migrations, services, HTTP app and jobs.
// Used by main.ts and by tests that need a real listening server.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { buildApp } from './http/app';
import { serializeRequest } from './http/request-log-serializer';
import { startJobs } from './jobs/job-runner';
import { createServices, type Services } from './services';
import { systemClock, type Clock } from './services/service-context';
import { openDatabase, type DatabaseHandle } from './storage/database';
import { migrateToLatest } from './storage/migrator';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

export function databaseTargetOf(config: Pick<Config, 'databaseUrl' | 'dataDir'>) {
  if (config.databaseUrl) return { kind: 'postgres' as const, url: config.databaseUrl };
  fs.mkdirSync(config.dataDir, { recursive: true });
  return { kind: 'sqlite' as const, path: path.join(config.dataDir, 'numberyard.db') };
}

export async function startServer(config: Config, options: { clock?: Clock; logger?: boolean | object } = {}): Promise<RunningServer> {
  const database = openDatabase(databaseTargetOf(config));
  try {
    await migrateToLatest(database.db);
    const services = createServices({
      database,
      clock: options.clock ?? systemClock,
      settings: { region: config.region, deletionRestoreWindowMs: config.deletionRestoreWindowMs },
    });
    const app = await buildApp({
      services,
      regions: [config.region],
      logger: options.logger ?? {
        level: config.logLevel,
        redact: { paths: ['req.headers.authorization', '*.SecretAccessKey', '*.secretAccessKey', '*.password'], censor: '[redacted]' },
        serializers: { req: serializeRequest },
      },
    });
    const jobs = startJobs(
      [
        { name: 'purge-deleted-numbers', run: () => services.phoneNumbers.purgeExpiredDeletions() },
        { name: 'complete-phone-number-orders', run: () => services.orders.completeProcessingOrders() },
      ],
      config.jobIntervalMs,
      app.log,
    );
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      services,
      database,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      async close() {
        await jobs.stop();
        await app.close();
        await database.db.destroy();
      },
    };
  } catch (error) {
    await database.db.destroy();
    throw error;
  }
}
