import { randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound } from '../domain/numberyard-error';
import { consoleUserRepository } from '../storage/repositories/console-user.repository';
import { organizationRepository } from '../storage/repositories/organization.repository';
import { recordChanges, SYSTEM_ACTOR } from './audit-trail';
import { hashPassword, verifyPassword } from './password-hash';
import { isoNow, type Caller, type ServiceContext } from './service-context';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

export interface ConsoleUser {
  Username: string;
  OrganizationId: string;
  IsAdmin: boolean;
  CreatedTimestamp: string;
}

/** The actor of audit events and the rate-limit key of a console user's requests. */
export function consoleUserPrincipal(username: string): string {
  return `console-user:${username}`;
}

/** People who sign in to the console with a username and password instead of an access key. */
export function createConsoleUserService(ctx: ServiceContext) {
  const { db } = ctx.database;
  // Unknown and disabled users are checked against this, so they take as long as a wrong password.
  let dummyHash: Promise<string> | undefined;

  return {
    async create(input: { username: string; password: string; organizationId: string; isAdmin: boolean }, actor = SYSTEM_ACTOR): Promise<ConsoleUser> {
      if (!USERNAME_PATTERN.test(input.username)) throw badRequest('A username is 1 to 64 letters, digits, dots, dashes, underscores or @');
      if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
        throw badRequest(`A password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`);
      }
      if (!(await organizationRepository.getById(db, input.organizationId))) throw notFound(`Organization ${input.organizationId} not found`);
      const passwordHash = await hashPassword(input.password);
      const now = isoNow(ctx.clock);
      const row = await db.transaction().execute(async (trx) => {
        if (await consoleUserRepository.findByUsername(trx, input.username)) throw conflict(`A console user named ${input.username} already exists`);
        const created = await consoleUserRepository.create(trx, {
          id: randomUUID(),
          username: input.username,
          organization_id: input.organizationId,
          is_admin: input.isAdmin ? 1 : 0,
          password_hash: passwordHash,
          created_at: now,
          disabled_at: null,
        });
        await recordChanges(trx, { organizationId: input.organizationId, actor }, now, [
          { operation: 'CreateConsoleUser', resourceType: 'ConsoleUser', resourceId: created.id, after: { Username: input.username, IsAdmin: input.isAdmin } },
        ]);
        return created;
      });
      return { Username: row.username, OrganizationId: row.organization_id, IsAdmin: row.is_admin === 1, CreatedTimestamp: row.created_at };
    },

    /** The caller behind a username and password, or undefined; takes the same time whether or not the user exists. */
    async verify(username: string, password: string): Promise<{ caller: Caller; consoleUserId: string } | undefined> {
      const row = USERNAME_PATTERN.test(username) ? await consoleUserRepository.findByUsername(db, username) : undefined;
      if (!row || row.disabled_at !== null) {
        dummyHash ??= hashPassword(randomUUID());
        await verifyPassword(password, await dummyHash);
        return undefined;
      }
      if (!(await verifyPassword(password, row.password_hash))) return undefined;
      return {
        caller: { organizationId: row.organization_id, accessKeyId: consoleUserPrincipal(row.username), isAdmin: row.is_admin === 1 },
        consoleUserId: row.id,
      };
    },
  };
}

export type ConsoleUserService = ReturnType<typeof createConsoleUserService>;
