import { randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound } from '../domain/numberyard-error';
import type { Executor } from '../storage/executor';
import { accessKeyRepository } from '../storage/repositories/access-key.repository';
import { organizationRepository } from '../storage/repositories/organization.repository';
import { recordChanges, SYSTEM_ACTOR } from './audit-trail';
import { isValidAccessKeyId, isValidSecretAccessKey, newAccessKeyId, newSecretAccessKey } from './credentials';
import type { SecretBox } from './secret-box';
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

/** The master key in use cannot open a stored secret: the secrets were sealed under another key. */
export class MasterKeyMismatchError extends Error {
  constructor(readonly accessKeyId: string) {
    super(
      `The master key does not open the stored secret of access key ${accessKeyId}: every node must use the NUMBERYARD_MASTER_KEY (or data-directory key file) the secrets were sealed with`,
    );
    this.name = 'MasterKeyMismatchError';
  }
}

/** The id of the organization created on first start. */
export const FIRST_ORGANIZATION_ID = '00000000-0000-4000-8000-000000000001';

export function createOrganizationService(ctx: ServiceContext) {
  const { db } = ctx.database;

  // A missing master key is a wiring mistake: failing loudly beats storing or accepting plaintext.
  function secretBox(): SecretBox {
    if (!ctx.secretBox) throw new Error('No master key is configured (ServiceContext.secretBox): access keys can be neither created nor checked');
    return ctx.secretBox;
  }

  /**
   * Creates a key inside `trx` (the caller's transaction). `given` is the operator's own key pair
   * (bootstrap from the environment); otherwise a pair is generated.
   */
  // Every signed request needs the caller's secret. The key row is still read on every request (so a
  // revoked key stops at once); only the decryption of a sealed value already seen is remembered,
  // keyed by the key id and the sealed value (which changes whenever the secret does), so a sealed
  // value copied onto another key's row is still refused by the box.
  const opened = new Map<string, string>();
  function openedSecret(box: SecretBox, sealed: string, accessKeyId: string): string {
    const memoKey = `${accessKeyId}\n${sealed}`;
    let secret = opened.get(memoKey);
    if (secret === undefined) {
      secret = box.open(sealed, accessKeyId);
      if (opened.size >= 10_000) opened.clear();
      opened.set(memoKey, secret);
    }
    return secret;
  }

  async function insertKey(trx: Executor, organizationId: string, isAdmin: boolean, description: string | null, actor: string, given?: { id: string; secret: string }): Promise<NewAccessKey> {
    const now = isoNow(ctx.clock);
    const accessKeyId = given?.id ?? newAccessKeyId();
    const secretAccessKey = given?.secret ?? newSecretAccessKey();
    const sealed = secretBox().seal(secretAccessKey, accessKeyId);
    const created = await accessKeyRepository.create(trx, { accessKeyId, organizationId, secretAccessKey: sealed, isAdmin, description, now });
    await recordChanges(trx, { organizationId, actor }, now, [
      { operation: 'CreateAccessKey', resourceType: 'AccessKey', resourceId: accessKeyId, after: { AccessKeyId: accessKeyId, IsAdmin: isAdmin } },
    ]);
    return { ...summary(created), SecretAccessKey: secretAccessKey };
  }

  async function createKey(organizationId: string, isAdmin: boolean, description: string | null, actor: string): Promise<NewAccessKey> {
    return db.transaction().execute((trx) => insertKey(trx, organizationId, isAdmin, description, actor));
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
      const box = secretBox();
      const row = await accessKeyRepository.findActive(db, accessKeyId);
      if (!row) return undefined;
      return {
        caller: { organizationId: row.organization_id, accessKeyId: row.access_key_id, isAdmin: row.is_admin === 1 },
        secretAccessKey: openedSecret(box, row.secret_access_key, row.access_key_id),
      };
    },

    /**
     * Run at every start: seals secrets stored in plaintext by versions before encryption at rest
     * (idempotent; a row another node sealed meanwhile is left alone), and checks that this master
     * key opens the sealed ones, so a node with the wrong key refuses to start instead of refusing
     * every request. Returns how many rows it sealed.
     */
    async sealStoredSecrets(): Promise<number> {
      const box = secretBox();
      let sealedNow = 0;
      for (const row of await accessKeyRepository.listStoredSecrets(db)) {
        if (box.isSealed(row.secret_access_key)) {
          try {
            box.open(row.secret_access_key, row.access_key_id);
          } catch {
            throw new MasterKeyMismatchError(row.access_key_id);
          }
        } else if (await accessKeyRepository.replaceSecret(db, row.access_key_id, row.secret_access_key, box.seal(row.secret_access_key, row.access_key_id))) {
          sealedNow += 1;
        }
      }
      return sealedNow;
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
      if (!(await organizationRepository.getById(db, organizationId))) throw notFound(`Organization ${organizationId} not found`);
      return (await accessKeyRepository.listByOrganization(db, organizationId)).map(summary);
    },

    /** Refuses a key revoked already (Conflict, with its revocation time, which stays as it was) and an unknown one (NotFound). */
    async revokeAccessKey(accessKeyId: string, actor = SYSTEM_ACTOR): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const row = await accessKeyRepository.findActive(trx, accessKeyId);
        if (!row || !(await accessKeyRepository.revoke(trx, accessKeyId, now))) {
          // Not active: revoked already, or unknown.
          const revokedAt = await accessKeyRepository.revokedAt(trx, accessKeyId);
          if (revokedAt) throw conflict(`Access key ${accessKeyId} is already revoked (since ${revokedAt})`);
          throw notFound(`Access key ${accessKeyId} not found`);
        }
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
      if (given && (!isValidAccessKeyId(given.accessKeyId) || !isValidSecretAccessKey(given.secretAccessKey) || secretBox().isSealed(given.secretAccessKey))) {
        throw badRequest('The bootstrap access key id must be 16-128 upper-case letters or digits and the secret 16-128 characters');
      }
      // Nodes that start together on an empty database race here. The first organization has a fixed
      // id, so exactly one node inserts it (the others' inserts do nothing) and only that node creates
      // the first key, in the same transaction.
      const now = isoNow(ctx.clock);
      return db.transaction().execute(async (trx) => {
        const organization = await organizationRepository.createIfAbsent(trx, { id: FIRST_ORGANIZATION_ID, name: 'Default organization', now });
        if (!organization) return undefined;
        await recordChanges(trx, { organizationId: organization.id, actor: SYSTEM_ACTOR }, now, [
          { operation: 'CreateOrganization', resourceType: 'Organization', resourceId: organization.id, after: { Name: organization.name } },
        ]);
        return insertKey(trx, organization.id, true, 'First administrator', SYSTEM_ACTOR, given && { id: given.accessKeyId, secret: given.secretAccessKey });
      });
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
