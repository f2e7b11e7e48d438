import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Services } from '../../services';
import { isSchemaCurrent } from '../../storage/migrator';
import { sendError } from '../error-handler';

const READY_TIMEOUT_MS = 2_000;

/** Load-balancer probes: /health says the process is up, /ready that the database answers and is migrated. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get('/health', { config: { auth: 'none' }, schema: { operationId: 'GetHealth' } }, async () => ({ status: 'ok' }));

  app.get('/ready', { config: { auth: 'none' }, schema: { operationId: 'GetReadiness' } }, async (_request, reply) => {
    const { db } = services.context.database;
    const check = async () => {
      await sql`select 1`.execute(db);
      return isSchemaCurrent(db);
    };
    let timer: NodeJS.Timeout | undefined;
    // A load balancer's probe wants an answer in time, whatever the database does.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('readiness check timed out')), READY_TIMEOUT_MS);
    });
    try {
      if (!(await Promise.race([check(), timeout]))) return sendError(reply, 'ServiceUnavailable', 'Database migrations are pending');
      return { status: 'ready' };
    } catch {
      return sendError(reply, 'ServiceUnavailable', 'The database is not reachable');
    } finally {
      clearTimeout(timer);
    }
  });
};
