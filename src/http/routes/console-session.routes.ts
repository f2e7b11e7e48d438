import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConsoleSessionResponse, SignInBody } from '../../contract/console-session.schema';
import { NumberyardError } from '../../domain/numberyard-error';
import type { Services } from '../../services';
import type { ConsoleSession } from '../../services/console-session.service';
import { LoginThrottledError } from '../../services/login-throttle';
import { SESSION_COOKIE } from '../auth/console-session-auth';
import { createRateLimiter } from '../rate-limit';

// Sign-in is the one route anyone may call, and each attempt costs a scrypt check: per client address,
// a person's sign-ins pass and a flood of guesses (new usernames each time, which the per-name
// throttle cannot see) is cut off. In this process only, like the per-key limit.
const SIGN_INS_PER_ADDRESS = { perSecond: 10, burst: 50 };

function toResponse(session: ConsoleSession) {
  return {
    OrganizationId: session.caller.organizationId,
    AccessKeyId: session.caller.accessKeyId,
    ...(session.username !== undefined ? { Username: session.username } : {}),
    IsAdmin: session.caller.isAdmin,
    CsrfToken: session.csrfToken,
    ExpiresTimestamp: session.expiresAt,
  };
}

/** Sign in, read and sign out of a console session. */
export const consoleSessionRoutes: FastifyPluginAsyncTypebox<{ services: Services; secureCookies: boolean }> = async (app, { services, secureCookies }) => {
  const signInsByAddress = createRateLimiter(SIGN_INS_PER_ADDRESS);
  app.post(
    '/console/api/session',
    { config: { auth: 'none' }, schema: { operationId: 'CreateConsoleSession', body: SignInBody, response: { 200: ConsoleSessionResponse } } },
    async (request, reply) => {
      const waitSeconds = signInsByAddress.take(request.ip);
      if (waitSeconds > 0) {
        reply.header('retry-after', String(Math.ceil(waitSeconds)));
        throw new NumberyardError('Throttled', 'Too many sign-in attempts from this address; wait a moment and try again');
      }
      const body = request.body;
      const credentials =
        'Username' in body ? { username: body.Username, password: body.Password } : { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey };
      const session = await services.consoleSessions.signIn(credentials).catch((error: unknown) => {
        if (error instanceof LoginThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return toResponse(session);
    },
  );

  app.get('/console/api/session', { config: { auth: 'none' }, schema: { operationId: 'GetConsoleSession', response: { 200: ConsoleSessionResponse } } }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await services.consoleSessions.resolve(token) : undefined;
    if (!session) throw new NumberyardError('Unauthorized', 'Not signed in');
    return toResponse(session);
  });

  app.delete('/console/api/session', { config: { auth: 'none' }, schema: { operationId: 'DeleteConsoleSession' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await services.consoleSessions.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
};
