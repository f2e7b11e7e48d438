import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NumberyardError } from '../../domain/numberyard-error';
import type { Services } from '../../services';
import type { Caller } from '../../services/service-context';
import { parseAuthorization, verifySignature } from './sigv4-verifier';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by authentication before validation runs; every API handler can rely on it. */
    caller: Caller;
    rawBody: Buffer | undefined;
    /** A JSON parse failure, held back until the caller is authenticated. */
    bodyParseError: boolean;
  }
  interface FastifyContextConfig {
    /** 'none' for the few public routes (health, the console's static files and login). */
    auth?: 'sigv4' | 'none';
  }
}

/**
 * Keeps the raw body (its SHA-256 is part of the signature) and parses JSON only after the request
 * is authenticated, so that an unsigned caller learns nothing but "unauthorized".
 */
export function registerRawJsonBody(app: FastifyInstance, bodyLimit: number): void {
  app.decorateRequest('rawBody', undefined);
  app.decorateRequest('bodyParseError', false);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (request, body: Buffer, done) => {
    request.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      request.bodyParseError = true;
      done(null, undefined);
    }
  });
}

export function registerSigV4Auth(app: FastifyInstance, services: Services, allowedRegions: ReadonlySet<string>): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.routeOptions.config.auth === 'none') return;
    if (request.caller) return; // already authenticated by the console session
    const auth = parseAuthorization(request.headers);
    const found = await services.organizations.authenticate(auth.accessKeyId);
    if (!found) throw new NumberyardError('Unauthorized', 'The security token included in the request is invalid: unknown access key');
    await verifySignature(
      { method: request.method, rawUrl: request.raw.url ?? request.url, headers: request.headers, rawBody: request.rawBody },
      auth,
      found.secretAccessKey,
      allowedRegions,
      services.context.clock.now(),
    );
    request.caller = found.caller;
    request.log = request.log.child({ organizationId: found.caller.organizationId, accessKeyId: found.caller.accessKeyId });
    if (request.bodyParseError) throw new NumberyardError('BadRequest', 'The request body is not valid JSON');
  });
}
