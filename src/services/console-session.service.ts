import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NumberyardError } from '../domain/numberyard-error';
import { consoleSessionRepository } from '../storage/repositories/console-session.repository';
import { consoleUserPrincipal, type ConsoleUserService } from './console-user.service';
import type { LoginThrottle } from './login-throttle';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import type { OrganizationService } from './organization.service';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares digests, so the time taken reveals neither the content nor the length of the secret. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export type SignInCredentials = { accessKeyId: string; secretAccessKey: string } | { username: string; password: string };

export interface ConsoleSession {
  caller: Caller;
  /** Set when a console user (rather than an access key) signed in. */
  username?: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * The console signs in once with an organization's access key and secret, or a console user's
 * username and password, and then holds an HttpOnly session cookie, so no secret is kept in the
 * browser. Sessions are rows, so every node recognises them.
 */
export function createConsoleSessionService(ctx: ServiceContext, organizations: OrganizationService, users: ConsoleUserService, throttle: LoginThrottle) {
  const { db } = ctx.database;

  async function check(credentials: SignInCredentials): Promise<{ caller: Caller; consoleUserId?: string; username?: string } | undefined> {
    if ('username' in credentials) {
      const found = await users.verify(credentials.username, credentials.password);
      return found && { ...found, username: credentials.username };
    }
    const found = await organizations.authenticate(credentials.accessKeyId);
    // Compared even for an unknown key, so both answers take about as long.
    const matches = sameSecret(found?.secretAccessKey ?? '', credentials.secretAccessKey);
    return found && matches ? { caller: found.caller } : undefined;
  }

  return {
    /** Throws Throttled (LoginThrottledError) after repeated failures for the same key id or username. */
    async signIn(credentials: SignInCredentials): Promise<ConsoleSession & { token: string }> {
      const subject = 'username' in credentials ? `user:${credentials.username}` : `key:${credentials.accessKeyId}`;
      await throttle.beginAttempt(subject);
      const found = await check(credentials);
      if (!found) {
        throw new NumberyardError(
          'Unauthorized',
          'username' in credentials ? 'The username or password is not correct' : 'The access key id or secret access key is not correct',
        );
      }
      await throttle.recordSuccess(subject);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      await consoleSessionRepository.create(db, {
        token_hash: hashToken(token),
        organization_id: found.caller.organizationId,
        access_key_id: found.consoleUserId ? null : found.caller.accessKeyId,
        console_user_id: found.consoleUserId ?? null,
        is_admin: found.caller.isAdmin ? 1 : 0,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      });
      return { token, csrfToken, expiresAt, caller: found.caller, ...(found.username ? { username: found.username } : {}) };
    },

    async resolve(token: string): Promise<ConsoleSession | undefined> {
      const row = await consoleSessionRepository.findLive(db, hashToken(token), isoNow(ctx.clock));
      if (!row) return undefined;
      const principal = row.username !== null ? consoleUserPrincipal(row.username) : row.access_key_id;
      if (principal === null) return undefined;
      return {
        caller: { organizationId: row.organization_id, accessKeyId: principal, isAdmin: row.is_admin === 1 },
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        ...(row.username !== null ? { username: row.username } : {}),
      };
    },

    async signOut(token: string): Promise<void> {
      await consoleSessionRepository.delete(db, hashToken(token));
    },

    async deleteExpired(): Promise<number> {
      return consoleSessionRepository.deleteExpired(db, isoNow(ctx.clock));
    },
  };
}

export type ConsoleSessionService = ReturnType<typeof createConsoleSessionService>;
