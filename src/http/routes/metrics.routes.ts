import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

/**
 * GET /metrics in the Prometheus text format, without a signature (Prometheus cannot sign SigV4):
 * it holds counts only, never a tenant's id, a number or a secret. NUMBERYARD_METRICS=off removes it.
 */
export const metricsRoutes: FastifyPluginAsync<{ registry: Registry }> = async (app, { registry }) => {
  app.get('/metrics', { config: { auth: 'none' }, schema: { operationId: 'GetMetrics', hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).header('cache-control', 'no-store').send(await registry.metrics()),
  );
};
