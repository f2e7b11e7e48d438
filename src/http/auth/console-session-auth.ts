import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NumberyardError } from '../../domain/numberyard-error';
import type { Services } from '../../services';

export const SESSION_COOKIE = 'numberyard_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The console's way in: a request without an Authorization header but with a session cookie is
 * authenticated by the session. Changes also need the session's CSRF token in a header, which a
 * page of another site can neither read nor send (the cookie is SameSite=Strict and HttpOnly).
 * SigV4 (registered after this) handles every request this leaves unauthenticated.
 */
export async function registerConsoleSessionAuth(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(cookie);
  // A callback hook, so that a signed request (an SDK's: Authorization, no cookie) passes without
  // the promise and microtask an async hook costs on every request.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.routeOptions.config.auth === 'none' || request.headers.authorization) return done();
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return done();
    authenticateBySession(request, token).then(() => done(), done);
  });

  async function authenticateBySession(request: FastifyRequest, token: string): Promise<void> {
    const session = await services.consoleSessions.resolve(token);
    if (!session) throw new NumberyardError('Unauthorized', 'Your console session has expired; sign in again');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new NumberyardError('Forbidden', 'The request is missing the console CSRF token');
    }
    request.caller = session.caller;
    request.log = request.log.child({ organizationId: session.caller.organizationId, accessKeyId: session.caller.accessKeyId, via: 'console' });
  }
}
