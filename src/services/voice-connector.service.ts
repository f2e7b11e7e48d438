import { randomInt } from 'node:crypto';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import {
  DEFAULT_VOICE_CONNECTOR_AWS_REGION,
  type CreateVoiceConnectorBody,
  type UpdateVoiceConnectorBody,
  type VoiceConnector,
  type VoiceConnectorListQuery,
} from '../contract/voice-connector.schema';
import { NumberyardError, badRequest, conflict, notFound } from '../domain/numberyard-error';
import { voiceConnectorRepository } from '../storage/repositories/voice-connector.repository';
import { callerActor, recordChanges } from './audit-trail';
import { decodeNextToken, listScope, toPage } from './next-token';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { outboundHostNameOf, toWireVoiceConnector } from './voice-connector.mapper';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 22;

/** A Voice Connector id shaped like AWS's: 22 lower-case letters and digits. */
function newVoiceConnectorId(): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Names are 1-256 characters (the schema checks the length) and must not be blank. */
export function assertResourceName(name: string, what: string): void {
  if (name.trim() === '') throw badRequest(`The name of ${what} must contain a character other than white space`);
}

export function voiceConnectorNotFound(id: string): NumberyardError {
  return notFound(`Voice Connector ${id} not found`);
}

export function createVoiceConnectorService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    async create(caller: Caller, body: CreateVoiceConnectorBody): Promise<VoiceConnector> {
      assertResourceName(body.Name, 'a Voice Connector');
      const now = isoNow(ctx.clock);
      const id = newVoiceConnectorId();
      const row = await db.transaction().execute(async (trx) => {
        const created = await voiceConnectorRepository.insert(trx, {
          id,
          organization_id: caller.organizationId,
          name: body.Name,
          aws_region: body.AwsRegion ?? DEFAULT_VOICE_CONNECTOR_AWS_REGION,
          require_encryption: body.RequireEncryption ? 1 : 0,
          outbound_host_name: outboundHostNameOf(id),
          integration_type: body.IntegrationType ?? null,
          network_type: body.NetworkType ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        // Tags have no use in numberyard yet (no tagging operations); they are kept in the audit record only.
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'CreateVoiceConnector', resourceType: 'VoiceConnector', resourceId: id, after: { ...toWireVoiceConnector(created), Tags: body.Tags } },
        ]);
        return created;
      });
      return toWireVoiceConnector(row);
    },

    async get(caller: Caller, id: string): Promise<VoiceConnector> {
      const row = await voiceConnectorRepository.getInOrganization(db, caller.organizationId, id);
      if (!row) throw voiceConnectorNotFound(id);
      return toWireVoiceConnector(row);
    },

    async list(caller: Caller, query: VoiceConnectorListQuery): Promise<{ VoiceConnectors: VoiceConnector[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const scope = listScope('ListVoiceConnectors');
      const rows = await voiceConnectorRepository.listPage(db, caller.organizationId, decodeNextToken(query['next-token'], scope), limit);
      const page = toPage(rows, limit, (row) => row.id, scope);
      const result: { VoiceConnectors: VoiceConnector[]; NextToken?: string } = { VoiceConnectors: page.items.map(toWireVoiceConnector) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    async update(caller: Caller, id: string, body: UpdateVoiceConnectorBody): Promise<VoiceConnector> {
      assertResourceName(body.Name, 'a Voice Connector');
      const now = isoNow(ctx.clock);
      const updated = await db.transaction().execute(async (trx) => {
        const row = await voiceConnectorRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw voiceConnectorNotFound(id);
        const changed = await voiceConnectorRepository.updateIfVersion(trx, caller.organizationId, id, row.version, {
          name: body.Name,
          require_encryption: body.RequireEncryption ? 1 : 0,
          updated_at: now,
        });
        if (!changed) throw conflict(`Voice Connector ${id} was changed by another request at the same time; retry`);
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'UpdateVoiceConnector', resourceType: 'VoiceConnector', resourceId: id, before: toWireVoiceConnector(row), after: toWireVoiceConnector(changed) },
        ]);
        return changed;
      });
      return toWireVoiceConnector(updated);
    },

    /** Refused while numbers are associated with the connector or while it is a member of a group. */
    async delete(caller: Caller, id: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const row = await voiceConnectorRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw voiceConnectorNotFound(id);
        if (await voiceConnectorRepository.hasPhoneNumbers(trx, caller.organizationId, id)) {
          throw new NumberyardError(
            'PhoneNumberAssociationsExist',
            `Voice Connector ${id} has phone numbers associated with it; disassociate them before deleting it`,
          );
        }
        const groupIds = await voiceConnectorRepository.groupIdsOf(trx, id);
        if (groupIds.length > 0) {
          throw new NumberyardError(
            'VoiceConnectorGroupAssociationsExist',
            `Voice Connector ${id} is a member of Voice Connector group ${groupIds.join(', ')}; remove it from the group before deleting it`,
          );
        }
        // A number or group membership added by a racing request is still refused: by the foreign keys.
        if (!(await voiceConnectorRepository.deleteIfVersion(trx, caller.organizationId, id, row.version))) {
          throw conflict(`Voice Connector ${id} was changed by another request at the same time; retry`);
        }
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'DeleteVoiceConnector', resourceType: 'VoiceConnector', resourceId: id, before: toWireVoiceConnector(row) },
        ]);
      });
    },
  };
}

export type VoiceConnectorService = ReturnType<typeof createVoiceConnectorService>;
