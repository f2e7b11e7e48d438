import type {} from '@fastify/swagger'; // route schemas carry operationId (its FastifySchema fields)
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializeRequest } from '../request-log-serializer';

/** The label of a request that matched no route (unknown path or `?operation=`). */
export const UNKNOWN_OPERATION = 'UnknownOperation';

/**
 * The operation a request is for: the route's OpenAPI operationId (ListPhoneNumbers,
 * AssociatePhoneNumbersWithVoiceConnector, ImportPhoneNumbers ...). Routes name it once, in their
 * schema, and logs, metrics and the OpenAPI document all read it from there.
 */
export function operationOf(request: FastifyRequest): string {
  return request.routeOptions.schema?.operationId ?? UNKNOWN_OPERATION;
}

/** pino options of the server's log: JSON lines whose request part never holds a secret, signature or password. */
export function requestLoggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.SecretAccessKey', '*.secretAccessKey', '*.password', '*.Password'],
      censor: '[redacted]',
    },
    serializers: { req: serializeRequest },
  };
}

/**
 * Writes Fastify's "request completed" line with the request's logger rather than the reply's:
 * authentication gives `request.log` the organization and access key (the reply keeps the logger it
 * was created with), so the one line an operator greps carries who called which operation.
 */
class RequestLogController extends LogController {
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) request.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else request.log.info({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Fastify options for the log: `requestId` on every line of a request (the SDKs' x-amzn-RequestId). */
export function requestLogControllerOptions(): Pick<FastifyServerOptions, 'logController'> {
  return { logController: new RequestLogController({ requestIdLogLabel: 'requestId' }) };
}

/**
 * Binds `operation` into each request's logger when the request's logger is made (it is made
 * anyway), so every line of a request names its operation at no cost per request. Register before
 * the routes.
 */
export function registerOperationLogging(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const operation = route.schema?.operationId;
    if (!operation || route.childLoggerFactory) return;
    route.childLoggerFactory = (logger, bindings, options) => logger.child({ ...bindings, operation }, options);
  });
}
