import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConsoleSessionResponse, SignInBody } from '../../contract/console-session.schema';
import { NumberyardError } from '../../domain/numberyard-error';
import type { Services } from '../../services';
import type { ConsoleSession } from '../../services/console-session.service';
import { SESSION_COOKIE } from '../auth/console-session-auth';

function toResponse(session: ConsoleSession) {
  return {
    OrganizationId: session.caller.organizationId,
    AccessKeyId: session.caller.accessKeyId,
    IsAdmin: session.caller.isAdmin,
    CsrfToken: session.csrfToken,
    ExpiresTimestamp: session.expiresAt,
  };
}

/** Sign in, read and sign out of a console session. */
export const consoleSessionRoutes: FastifyPluginAsyncTypebox<{ services: Services; secureCookies: boolean }> = async (app, { services, secureCookies }) => {
  app.post(
    '/console/api/session',
    { config: { auth: 'none' }, schema: { body: SignInBody, response: { 200: ConsoleSessionResponse } } },
    async (request, reply) => {
      const session = await services.consoleSessions.signIn(request.body.AccessKeyId, request.body.SecretAccessKey);
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

  app.get('/console/api/session', { config: { auth: 'none' }, schema: { response: { 200: ConsoleSessionResponse } } }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await services.consoleSessions.resolve(token) : undefined;
    if (!session) throw new NumberyardError('Unauthorized', 'Not signed in');
    return toResponse(session);
  });

  app.delete('/console/api/session', { config: { auth: 'none' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await services.consoleSessions.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
};
