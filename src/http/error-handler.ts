import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOG, type ErrorCode, type WireError } from '../contract/errors';
import { NumberyardError } from '../domain/numberyard-error';
import { translateConstraintError } from '../storage/constraint-errors';
import { translateDatabaseError } from '../storage/database-errors';

/** Renders a catalog error in the AWS restJson1 shape the SDKs parse into typed exceptions. */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  const entry = ERROR_CATALOG[code];
  const body: WireError = { Code: code, Message: message };
  return reply.status(entry.status).header('x-amzn-ErrorType', entry.type).type('application/json').send(body);
}

const SERVICE_FAILURE_MESSAGE = 'The service failed to process the request; it has been logged';

// Fastify's own errors for malformed requests, as catalog errors.
function fromFastifyError(error: FastifyError): NumberyardError | undefined {
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    return new NumberyardError('BadRequest', `Invalid ${where}: ${error.message}`);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new NumberyardError('BadRequest', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new NumberyardError('BadRequest', 'The request body must be JSON (content-type: application/json)');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new NumberyardError('BadRequest', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new NumberyardError('BadRequest', 'The content-length does not match the request body');
    default:
      break;
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new NumberyardError(error.statusCode === 404 ? 'NotFound' : 'BadRequest', error.message);
  }
  return undefined;
}

/**
 * Fastify answers a path it cannot decode, or a path parameter over its length limit, before any
 * route, hook or error handler runs; this keeps those answers in the AWS shape too.
 */
export function renderFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-amzn-RequestId', request.id);
  if (error.code === 'FST_ERR_BAD_URL') {
    void sendError(reply, 'BadRequest', 'The request path is not correctly percent-encoded');
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendError(reply, 'BadRequest', 'A path parameter of the request is too long');
  } else {
    request.log.error({ err: error }, 'request failed');
    void sendError(reply, 'ServiceFailure', SERVICE_FAILURE_MESSAGE);
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known =
      error instanceof NumberyardError
        ? error
        : (translateConstraintError(error) ?? translateDatabaseError(error) ?? fromFastifyError(error));
    if (known) {
      if (ERROR_CATALOG[known.code].status >= 500) request.log.warn({ code: known.code }, known.message);
      return sendError(reply, known.code, known.message);
    }
    // Unknown failures are logged in full and answered without internals.
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 'ServiceFailure', SERVICE_FAILURE_MESSAGE);
  });

  app.setNotFoundHandler((request, reply) => {
    // The path only: a query string may hold a presigned request's signature.
    request.log.warn({ method: request.method, path: request.url.split('?')[0] }, 'no such operation');
    return sendError(reply, 'NotFound', `No operation at ${request.method} ${request.url.split('?')[0]}`);
  });
}
