import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../domain/numberyard-error';
import { accessKeyRepository } from '../storage/repositories/access-key.repository';
import { organizationRepository } from '../storage/repositories/organization.repository';
import { recordChanges, SYSTEM_ACTOR } from './audit-trail';
import { isValidAccessKeyId, isValidSecretAccessKey, newAccessKeyId, newSecretAccessKey } from './credentials';
import { isoNow, type Caller, type ServiceContext } from './service-context';

export interface Organization {
  OrganizationId: string;
  Name: string;
  CreatedTimestamp: string;
}

export interface AccessKeySummary {
  AccessKeyId: string;
  OrganizationId: string;
  IsAdmin: boolean;
  Description?: string;
  CreatedTimestamp: string;
  RevokedTimestamp?: string;
}

/** Returned once, when a key is created: the secret is never shown again. */
export interface NewAccessKey extends AccessKeySummary {
  SecretAccessKey: string;
}

export function createOrganizationService(ctx: ServiceContext) {
  const { db } = ctx.database;

  async function createKey(organizationId: string, isAdmin: boolean, description: string | null, actor: string, given?: { id: string; secret: string }): Promise<NewAccessKey> {
    const now = isoNow(ctx.clock);
    const accessKeyId = given?.id ?? newAccessKeyId();
    const secretAccessKey = given?.secret ?? newSecretAccessKey();
    const row = await db.transaction().execute(async (trx) => {
      const created = await accessKeyRepository.create(trx, { accessKeyId, organizationId, secretAccessKey, isAdmin, description, now });
      await recordChanges(trx, { organizationId, actor }, now, [
        { operation: 'CreateAccessKey', resourceType: 'AccessKey', resourceId: accessKeyId, after: { AccessKeyId: accessKeyId, IsAdmin: isAdmin } },
      ]);
      return created;
    });
    return { ...summary(row), SecretAccessKey: secretAccessKey };
  }

  function summary(row: Awaited<ReturnType<typeof accessKeyRepository.create>>): AccessKeySummary {
    const out: AccessKeySummary = { AccessKeyId: row.access_key_id, OrganizationId: row.organization_id, IsAdmin: row.is_admin === 1, CreatedTimestamp: row.created_at };
    if (row.description !== null) out.Description = row.description;
    if (row.revoked_at !== null) out.RevokedTimestamp = row.revoked_at;
    return out;
  }

  return {
    /** The caller behind an access key and the secret to check its signature with; undefined when unknown or revoked. */
    async authenticate(accessKeyId: string): Promise<{ caller: Caller; secretAccessKey: string } | undefined> {
      const row = await accessKeyRepository.findActive(db, accessKeyId);
      if (!row) return undefined;
      return {
        caller: { organizationId: row.organization_id, accessKeyId: row.access_key_id, isAdmin: row.is_admin === 1 },
        secretAccessKey: row.secret_access_key,
      };
    },

    async createOrganization(name: string, actor = SYSTEM_ACTOR): Promise<Organization> {
      if (name.trim() === '') throw badRequest('An organization needs a name');
      const now = isoNow(ctx.clock);
      const row = await db.transaction().execute(async (trx) => {
        const created = await organizationRepository.create(trx, { id: randomUUID(), name, now });
        await recordChanges(trx, { organizationId: created.id, actor }, now, [
          { operation: 'CreateOrganization', resourceType: 'Organization', resourceId: created.id, after: { Name: name } },
        ]);
        return created;
      });
      return { OrganizationId: row.id, Name: row.name, CreatedTimestamp: row.created_at };
    },

    async listOrganizations(): Promise<Organization[]> {
      return (await organizationRepository.list(db)).map((row) => ({ OrganizationId: row.id, Name: row.name, CreatedTimestamp: row.created_at }));
    },

    async createAccessKey(organizationId: string, options: { isAdmin: boolean; description?: string }, actor = SYSTEM_ACTOR): Promise<NewAccessKey> {
      if (!(await organizationRepository.getById(db, organizationId))) throw notFound(`Organization ${organizationId} not found`);
      return createKey(organizationId, options.isAdmin, options.description ?? null, actor);
    },

    async listAccessKeys(organizationId: string): Promise<AccessKeySummary[]> {
      return (await accessKeyRepository.listByOrganization(db, organizationId)).map(summary);
    },

    async revokeAccessKey(accessKeyId: string, actor = SYSTEM_ACTOR): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const row = await accessKeyRepository.findActive(trx, accessKeyId);
        if (!row || !(await accessKeyRepository.revoke(trx, accessKeyId, now))) throw notFound(`Access key ${accessKeyId} not found`);
        await recordChanges(trx, { organizationId: row.organization_id, actor }, now, [
          { operation: 'RevokeAccessKey', resourceType: 'AccessKey', resourceId: accessKeyId },
        ]);
      });
    },

    /**
     * On a database without any access key, creates the first organization and its administrator key:
     * the given one (from the environment) or a generated one. Returns the new key, or undefined when
     * keys already existed.
     */
    async bootstrapAdministrator(given?: { accessKeyId: string; secretAccessKey: string }): Promise<NewAccessKey | undefined> {
      if ((await accessKeyRepository.countAll(db)) > 0) return undefined;
      if (given && (!isValidAccessKeyId(given.accessKeyId) || !isValidSecretAccessKey(given.secretAccessKey))) {
        throw badRequest('The bootstrap access key id must be 16-128 upper-case letters or digits and the secret 16-128 characters');
      }
      const organization = await this.createOrganization('Default organization');
      return createKey(organization.OrganizationId, true, 'First administrator', SYSTEM_ACTOR, given && { id: given.accessKeyId, secret: given.secretAccessKey });
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
