import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Services } from '../../services';
import { isSchemaCurrent } from '../../storage/migrator';
import { sendError } from '../error-handler';

/** Load-balancer probes: /health says the process is up, /ready that the database answers and is migrated. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get('/health', { config: { auth: 'none' } }, async () => ({ status: 'ok' }));

  app.get('/ready', { config: { auth: 'none' } }, async (_request, reply) => {
    const { db } = services.context.database;
    try {
      await sql`select 1`.execute(db);
      if (!(await isSchemaCurrent(db))) return sendError(reply, 'ServiceUnavailable', 'Database migrations are pending');
      return { status: 'ready' };
    } catch {
      return sendError(reply, 'ServiceUnavailable', 'The database is not reachable');
    }
  });
};
