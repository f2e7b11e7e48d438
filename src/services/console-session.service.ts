import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NumberyardError } from '../domain/numberyard-error';
import { consoleSessionRepository } from '../storage/repositories/console-session.repository';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import type { OrganizationService } from './organization.service';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface ConsoleSession {
  caller: Caller;
  csrfToken: string;
  expiresAt: string;
}

/**
 * The console signs in with an organization's access key and secret once and then holds an
 * HttpOnly session cookie, so no secret is kept in the browser. Sessions are rows, so every node
 * recognises them.
 */
export function createConsoleSessionService(ctx: ServiceContext, organizations: OrganizationService) {
  const { db } = ctx.database;
  return {
    async signIn(accessKeyId: string, secretAccessKey: string): Promise<ConsoleSession & { token: string }> {
      const found = await organizations.authenticate(accessKeyId);
      if (!found || !sameSecret(found.secretAccessKey, secretAccessKey)) {
        throw new NumberyardError('Unauthorized', 'The access key id or secret access key is not correct');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      await consoleSessionRepository.create(db, {
        token_hash: hashToken(token),
        organization_id: found.caller.organizationId,
        access_key_id: found.caller.accessKeyId,
        is_admin: found.caller.isAdmin ? 1 : 0,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      });
      return { token, csrfToken, expiresAt, caller: found.caller };
    },

    async resolve(token: string): Promise<ConsoleSession | undefined> {
      const row = await consoleSessionRepository.findLive(db, hashToken(token), isoNow(ctx.clock));
      if (!row) return undefined;
      return {
        caller: { organizationId: row.organization_id, accessKeyId: row.access_key_id, isAdmin: row.is_admin === 1 },
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
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
