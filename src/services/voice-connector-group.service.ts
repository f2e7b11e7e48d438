import { randomUUID } from 'node:crypto';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import type {
  CreateVoiceConnectorGroupBody,
  UpdateVoiceConnectorGroupBody,
  VoiceConnectorGroup,
  VoiceConnectorItem,
  VoiceConnectorListQuery,
} from '../contract/voice-connector.schema';
import { NumberyardError, badRequest, conflict, notFound } from '../domain/numberyard-error';
import type { Executor } from '../storage/executor';
import { voiceConnectorGroupRepository, type VoiceConnectorGroupItemRow, type VoiceConnectorGroupRow } from '../storage/repositories/voice-connector-group.repository';
import { voiceConnectorRepository } from '../storage/repositories/voice-connector.repository';
import { callerActor, recordChanges } from './audit-trail';
import { decodeNextToken, listScope, toPage } from './next-token';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { toWireVoiceConnectorGroup } from './voice-connector.mapper';
import { assertResourceName, voiceConnectorNotFound } from './voice-connector.service';

export function voiceConnectorGroupNotFound(id: string): NumberyardError {
  return notFound(`Voice Connector group ${id} not found`);
}

/**
 * A group's items must name each connector once, and every connector must exist in the caller's
 * organization (another organization's connector looks exactly like a missing one).
 */
async function checkItems(trx: Executor, caller: Caller, items: readonly VoiceConnectorItem[]): Promise<Omit<VoiceConnectorGroupItemRow, 'group_id'>[]> {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.VoiceConnectorId)) {
      throw badRequest(`Voice Connector ${item.VoiceConnectorId} appears more than once in VoiceConnectorItems; a connector can be in a group only once`);
    }
    seen.add(item.VoiceConnectorId);
  }
  const found = new Set((await voiceConnectorRepository.getManyInOrganization(trx, caller.organizationId, [...seen])).map((row) => row.id));
  const missing = items.find((item) => !found.has(item.VoiceConnectorId));
  if (missing) throw voiceConnectorNotFound(missing.VoiceConnectorId);
  return items.map((item) => ({ voice_connector_id: item.VoiceConnectorId, priority: item.Priority }));
}

export function createVoiceConnectorGroupService(ctx: ServiceContext) {
  const { db } = ctx.database;
  const region = ctx.settings.region;

  /** Each group of `rows` with its items, in the order of `rows`. */
  async function withItems(trx: Executor, rows: readonly VoiceConnectorGroupRow[]): Promise<VoiceConnectorGroup[]> {
    const items = await voiceConnectorGroupRepository.itemsOf(trx, rows.map((row) => row.id));
    const byGroup = new Map<string, VoiceConnectorGroupItemRow[]>();
    for (const item of items) {
      const list = byGroup.get(item.group_id);
      if (list) list.push(item);
      else byGroup.set(item.group_id, [item]);
    }
    return rows.map((row) => toWireVoiceConnectorGroup(row, byGroup.get(row.id) ?? [], region));
  }

  return {
    async create(caller: Caller, body: CreateVoiceConnectorGroupBody): Promise<VoiceConnectorGroup> {
      assertResourceName(body.Name, 'a Voice Connector group');
      const now = isoNow(ctx.clock);
      const id = randomUUID();
      return db.transaction().execute(async (trx) => {
        const items = await checkItems(trx, caller, body.VoiceConnectorItems ?? []);
        const row = await voiceConnectorGroupRepository.insert(trx, {
          id,
          organization_id: caller.organizationId,
          name: body.Name,
          call_distribution_type: body.CallDistributionType ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await voiceConnectorGroupRepository.replaceItems(trx, id, items);
        const created = (await withItems(trx, [row]))[0]!;
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'CreateVoiceConnectorGroup', resourceType: 'VoiceConnectorGroup', resourceId: id, after: created },
        ]);
        return created;
      });
    },

    async get(caller: Caller, id: string): Promise<VoiceConnectorGroup> {
      const row = await voiceConnectorGroupRepository.getInOrganization(db, caller.organizationId, id);
      if (!row) throw voiceConnectorGroupNotFound(id);
      return (await withItems(db, [row]))[0]!;
    },

    async list(caller: Caller, query: VoiceConnectorListQuery): Promise<{ VoiceConnectorGroups: VoiceConnectorGroup[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const scope = listScope('ListVoiceConnectorGroups');
      const rows = await voiceConnectorGroupRepository.listPage(db, caller.organizationId, decodeNextToken(query['next-token'], scope), limit);
      const page = toPage(rows, limit, (row) => row.id, scope);
      const result: { VoiceConnectorGroups: VoiceConnectorGroup[]; NextToken?: string } = { VoiceConnectorGroups: await withItems(db, page.items) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    /** Replaces the name and the items; CallDistributionType is kept when left out. */
    async update(caller: Caller, id: string, body: UpdateVoiceConnectorGroupBody): Promise<VoiceConnectorGroup> {
      assertResourceName(body.Name, 'a Voice Connector group');
      const now = isoNow(ctx.clock);
      return db.transaction().execute(async (trx) => {
        const row = await voiceConnectorGroupRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw voiceConnectorGroupNotFound(id);
        const before = (await withItems(trx, [row]))[0]!;
        const items = await checkItems(trx, caller, body.VoiceConnectorItems);
        const changes = { name: body.Name, updated_at: now, ...(body.CallDistributionType ? { call_distribution_type: body.CallDistributionType } : {}) };
        const updated = await voiceConnectorGroupRepository.updateIfVersion(trx, caller.organizationId, id, row.version, changes);
        if (!updated) throw conflict(`Voice Connector group ${id} was changed by another request at the same time; retry`);
        await voiceConnectorGroupRepository.replaceItems(trx, id, items);
        const after = (await withItems(trx, [updated]))[0]!;
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'UpdateVoiceConnectorGroup', resourceType: 'VoiceConnectorGroup', resourceId: id, before, after },
        ]);
        return after;
      });
    },

    /** Refused while numbers are associated with the group; its items go with it. */
    async delete(caller: Caller, id: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const row = await voiceConnectorGroupRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw voiceConnectorGroupNotFound(id);
        if (await voiceConnectorGroupRepository.hasPhoneNumbers(trx, caller.organizationId, id)) {
          throw new NumberyardError(
            'PhoneNumberAssociationsExist',
            `Voice Connector group ${id} has phone numbers associated with it; disassociate them before deleting it`,
          );
        }
        const before = (await withItems(trx, [row]))[0];
        if (!(await voiceConnectorGroupRepository.deleteIfVersion(trx, caller.organizationId, id, row.version))) {
          throw conflict(`Voice Connector group ${id} was changed by another request at the same time; retry`);
        }
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'DeleteVoiceConnectorGroup', resourceType: 'VoiceConnectorGroup', resourceId: id, before },
        ]);
      });
    },
  };
}

export type VoiceConnectorGroupService = ReturnType<typeof createVoiceConnectorGroupService>;
