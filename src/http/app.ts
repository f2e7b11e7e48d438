import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { BODY_LIMIT_BYTES } from '../contract/limits';
import type { Services } from '../services';
import { registerConsoleSessionAuth } from './auth/console-session-auth';
import { registerRawJsonBody, registerSigV4Auth } from './auth/sigv4-auth';
import { registerErrorHandling, renderFrameworkError } from './error-handler';
import { createMetrics } from './observability/metrics';
import { registerOperationLogging, requestLogControllerOptions } from './observability/request-logging';
import { registerOpenApi } from './openapi';
import { operationConstraint } from './operation-constraint';
import { registerRateLimit, type RateLimit } from './rate-limit';
import { validatorCompiler } from './validator-compiler';
import { accountRoutes } from './routes/accounts.routes';
import { adminRoutes } from './routes/admin.routes';
import { availableNumberRoutes } from './routes/available-numbers.routes';
import { consoleSessionRoutes } from './routes/console-session.routes';
import { consoleStaticRoutes } from './routes/console-static.routes';
import { docsRoutes } from './routes/docs.routes';
import { doctorRoutes } from './routes/doctor.routes';
import { healthRoutes } from './routes/health.routes';
import { metricsRoutes } from './routes/metrics.routes';
import { phoneNumberOrderRoutes } from './routes/phone-number-orders.routes';
import { phoneNumberSettingsRoutes } from './routes/phone-number-settings.routes';
import { phoneNumberRoutes } from './routes/phone-numbers.routes';
import { phoneNumberHistoryRoutes } from './routes/phone-number-history.routes';
import { routingRoutes } from './routes/routing.routes';
import { sipMediaApplicationRoutes } from './routes/sip-media-applications.routes';
import { sipRuleRoutes } from './routes/sip-rules.routes';
import { userRoutes } from './routes/users.routes';
import { voiceConnectorGroupRoutes } from './routes/voice-connector-groups.routes';
import { voiceConnectorRoutes } from './routes/voice-connectors.routes';

export interface AppOptions {
  services: Services;
  /** Regions accepted in SigV4 credential scopes. */
  regions: readonly string[];
  logger?: FastifyServerOptions['logger'];
  /** Mark the console's session cookie Secure (when served over HTTPS, e.g. behind a TLS proxy). */
  secureCookies?: boolean;
  /** Requests per second and burst per access key on this node; unset: no limit. */
  rateLimit?: RateLimit;
  /** Serve GET /metrics (Prometheus, unsigned) and count requests for it; default true. */
  metrics?: boolean;
}

/** Builds the whole HTTP application without listening; main.ts listens, tests inject or listen on port 0. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    routerOptions: { constraints: { operation: operationConstraint } },
    frameworkErrors: renderFrameworkError,
    // Fastify's own 503 while closing is a bare text body the SDKs read as an Unknown error; startServer
    // refuses those requests itself, through the error handler, in the AWS shape.
    return503OnClosing: false,
    ...requestLogControllerOptions(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Before the routes: both read each route's schema as it is added.
  if (options.logger) registerOperationLogging(app);
  await registerOpenApi(app);
  const metricsRegistry = options.metrics === false ? undefined : createMetrics(app, options.services.context.database.db);

  // The SDKs read the request id from this header ($metadata.requestId).
  // A callback hook: an async one costs a promise and a microtask on every response.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-amzn-RequestId', request.id);
    done(null, payload);
  });

  registerErrorHandling(app);
  registerRawJsonBody(app, BODY_LIMIT_BYTES);
  await registerConsoleSessionAuth(app, options.services);
  registerSigV4Auth(app, options.services, new Set(options.regions));
  if (options.rateLimit) registerRateLimit(app, options.rateLimit);

  await app.register(healthRoutes, { services: options.services });
  await app.register(phoneNumberRoutes, { services: options.services });
  await app.register(sipMediaApplicationRoutes, { services: options.services });
  await app.register(sipRuleRoutes, { services: options.services });
  await app.register(voiceConnectorRoutes, { services: options.services });
  await app.register(voiceConnectorGroupRoutes, { services: options.services });
  await app.register(phoneNumberHistoryRoutes, { services: options.services });
  await app.register(routingRoutes, { services: options.services });
  await app.register(availableNumberRoutes, { services: options.services });
  await app.register(phoneNumberOrderRoutes, { services: options.services });
  await app.register(phoneNumberSettingsRoutes, { services: options.services });
  await app.register(accountRoutes, { services: options.services });
  await app.register(userRoutes, { services: options.services });
  await app.register(adminRoutes, { services: options.services });
  await app.register(doctorRoutes, { services: options.services });
  await app.register(consoleSessionRoutes, { services: options.services, secureCookies: options.secureCookies ?? false });
  await app.register(consoleStaticRoutes);
  await app.register(docsRoutes);
  if (metricsRegistry) await app.register(metricsRoutes, { registry: metricsRegistry });
  return app;
}
