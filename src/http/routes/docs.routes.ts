import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';

export const DOCS_PATH = '/docs';

// Swagger UI is served from numberyard's own files (no CDN: it must work without the internet).
const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'";

/** GET /openapi.json (the document) and a browsable Swagger UI at /docs; both public, like the API's shape. */
export const docsRoutes: FastifyPluginAsync = async (app) => {
  // Encapsulated: these routes alone are public, named for logs and metrics, and left out of the document.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, auth: 'none' };
    route.schema = { ...route.schema, operationId: route.url === '/openapi.json' ? 'GetOpenApiDocument' : 'GetApiDocs', hide: true };
  });

  app.get('/openapi.json', (_request, reply) => reply.header('cache-control', 'no-cache').send(app.swagger()));

  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    staticCSP: DOCS_CONTENT_SECURITY_POLICY,
    uiConfig: { deepLinking: true, docExpansion: 'list', validatorUrl: null },
  });
};
