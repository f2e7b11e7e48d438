import type { PhoneNumberError } from '../contract/errors';
import type { ListPhoneNumbersQuery, PhoneNumber, UpdatePhoneNumberBody } from '../contract/phone-number.schema';
import { PORTING_PHONE_NUMBER_STATUSES, type PhoneNumberType, type PortingPhoneNumberStatus } from '../contract/enums';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import { NumberyardError, badRequest, conflict, notFound } from '../domain/numberyard-error';
import { assertProductTypeAllowed, assertProductTypeChangeable, singleChange, type PhoneNumberChange } from '../domain/phone-number-rules';
import { translateConstraintError } from '../storage/constraint-errors';
import type { Executor } from '../storage/executor';
import { availableNumberRepository } from '../storage/repositories/available-number.repository';
import { phoneNumberRepository, type PhoneNumberRow } from '../storage/repositories/phone-number.repository';
import { userRepository } from '../storage/repositories/user.repository';
import { callerActor, recordChanges, SYSTEM_ACTOR } from './audit-trail';
import { decodeNextToken, listScope, toPage, type ListScope } from './next-token';
import { toWirePhoneNumber, type NumberHolder } from './phone-number.mapper';
import { isoNow, type Caller, type ServiceContext } from './service-context';

const PORTING_STATUSES: ReadonlySet<string> = new Set(PORTING_PHONE_NUMBER_STATUSES);

function isPortingStatus(status: string | undefined): status is PortingPhoneNumberStatus {
  return status !== undefined && PORTING_STATUSES.has(status);
}

/** What a ListPhoneNumbers NextToken is valid for (see next-token.ts): the filters; the token itself carries the sort order. */
export function phoneNumberListScope(query: ListPhoneNumbersQuery): ListScope {
  return listScope('ListPhoneNumbers', {
    status: query.status,
    'product-type': query['product-type'],
    'filter-name': query['filter-name'],
    'filter-value': query['filter-value'],
    country: query.country,
    'number-prefix': query['number-prefix'],
  });
}

function phoneNumberNotFound(id: string): NumberyardError {
  return notFound(`Phone number ${id} not found`);
}

/** A failure of one item of a batch, in the shape of PhoneNumberErrors. */
function itemError(id: string, error: unknown): PhoneNumberError {
  const known = error instanceof NumberyardError ? error : translateConstraintError(error);
  if (!known) throw error;
  return { PhoneNumberId: id, ErrorCode: known.code, ErrorMessage: known.message };
}

function assertNoDuplicates(ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw badRequest(`Phone number ${id} appears more than once in the request; each phone number may appear once`);
    seen.add(id);
  }
}

export function createPhoneNumberService(ctx: ServiceContext) {
  const { db } = ctx.database;
  const region = ctx.settings.region;

  /** The users holding these numbers (Business Calling), by id, in one query: their permissions shape each number's view. */
  async function holdersOf(organizationId: string, rows: readonly PhoneNumberRow[]): Promise<Map<string, NumberHolder>> {
    const userIds = [...new Set(rows.flatMap((row) => (row.user_id === null ? [] : [row.user_id])))];
    const holders = await userRepository.listPermissions(db, organizationId, userIds);
    return new Map(holders.map((holder) => [holder.id, holder]));
  }

  async function toWireWithHolder(row: PhoneNumberRow): Promise<PhoneNumber> {
    const holders = await holdersOf(row.organization_id, [row]);
    return toWirePhoneNumber(row, region, row.user_id === null ? undefined : holders.get(row.user_id));
  }

  /** Applies one attribute change to a number inside `trx`; throws a catalog error when a rule refuses it. */
  async function applyChange(trx: Executor, caller: Caller, id: string, change: PhoneNumberChange, now: string): Promise<PhoneNumberRow> {
    const wanted = singleChange(change);
    const row = await phoneNumberRepository.getInOrganization(trx, caller.organizationId, id);
    if (!row) throw phoneNumberNotFound(id);
    // A number in the deletion queue is frozen until it is restored; one still being acquired, until its order completes.
    if (row.status !== 'Unassigned' && row.status !== 'Assigned') {
      throw conflict(
        row.status === 'DeleteInProgress'
          ? `Phone number ${id} is in the deletion queue; restore it before changing it`
          : `Phone number ${id} is ${row.status}; it can be changed once it is Unassigned or Assigned`,
      );
    }
    const changes: Partial<PhoneNumberRow> = { updated_at: now };
    if (wanted.attribute === 'ProductType') {
      if (wanted.value !== row.product_type) {
        assertProductTypeChangeable(row.e164, row.status as PhoneNumber['Status']);
        assertProductTypeAllowed({ e164: row.e164, country: row.country, type: row.number_type as PhoneNumberType }, wanted.value);
      }
      changes.product_type = wanted.value;
    } else if (wanted.attribute === 'CallingName') {
      changes.calling_name = wanted.value === '' ? null : wanted.value;
      changes.calling_name_status = wanted.value === '' ? 'Unassigned' : 'UpdateSucceeded';
    } else {
      changes.name = wanted.value === '' ? null : wanted.value;
    }
    const updated = await phoneNumberRepository.updateIfVersion(trx, caller.organizationId, id, row.version, changes);
    if (!updated) throw conflict(`Phone number ${id} was changed by another request at the same time; retry`);
    await recordChanges(trx, callerActor(caller), now, [
      { operation: 'UpdatePhoneNumber', resourceType: 'PhoneNumber', resourceId: id, before: toWirePhoneNumber(row, region), after: toWirePhoneNumber(updated, region) },
    ]);
    return updated;
  }

  async function deleteOne(trx: Executor, caller: Caller, id: string, now: string): Promise<void> {
    const row = await phoneNumberRepository.getInOrganization(trx, caller.organizationId, id);
    if (!row) throw phoneNumberNotFound(id);
    if (row.status === 'Assigned') {
      throw new NumberyardError('PhoneNumberAssociationsExist', `Phone number ${id} is assigned; unassign it before deleting it`);
    }
    if (row.status !== 'Unassigned') throw conflict(`Phone number ${id} is ${row.status}; only Unassigned numbers can be deleted`);
    const updated = await phoneNumberRepository.updateIfVersion(trx, caller.organizationId, id, row.version, {
      status: 'DeleteInProgress',
      deleted_at: now,
      updated_at: now,
    });
    if (!updated) throw conflict(`Phone number ${id} was changed by another request at the same time; retry`);
    await recordChanges(trx, callerActor(caller), now, [
      { operation: 'DeletePhoneNumber', resourceType: 'PhoneNumber', resourceId: id, before: toWirePhoneNumber(row, region), after: toWirePhoneNumber(updated, region) },
    ]);
  }

  return {
    async list(caller: Caller, query: ListPhoneNumbersQuery): Promise<{ PhoneNumbers: PhoneNumber[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const order = query['sort-order'] ?? 'asc';
      const filterName = query['filter-name'];
      const filterValue = query['filter-value'];
      if ((filterName === undefined) !== (filterValue === undefined)) {
        throw badRequest('FilterName and FilterValue must be given together');
      }
      const status = query.status;
      const scope = phoneNumberListScope(query);
      const nextAfter = decodeNextToken(query['next-token'], scope, order);
      // No number is ever being ported in (see PORTING_PHONE_NUMBER_STATUSES).
      if (isPortingStatus(status)) return { PhoneNumbers: [] };
      const rows = await phoneNumberRepository.listPage(
        db,
        caller.organizationId,
        {
          status,
          productType: query['product-type'],
          association: filterName && filterValue ? { name: filterName, value: filterValue } : undefined,
          prefix: query['number-prefix'],
          country: query.country,
        },
        nextAfter,
        limit,
        order,
      );
      const page = toPage(rows, limit, (row) => row.e164, scope, order);
      const holders = await holdersOf(caller.organizationId, page.items);
      const result: { PhoneNumbers: PhoneNumber[]; NextToken?: string } = {
        PhoneNumbers: page.items.map((row) => toWirePhoneNumber(row, region, row.user_id === null ? undefined : holders.get(row.user_id))),
      };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    async get(caller: Caller, id: string): Promise<PhoneNumber> {
      const row = await phoneNumberRepository.getInOrganization(db, caller.organizationId, id);
      if (!row) throw phoneNumberNotFound(id);
      return toWireWithHolder(row);
    },

    async update(caller: Caller, id: string, body: UpdatePhoneNumberBody): Promise<PhoneNumber> {
      const now = isoNow(ctx.clock);
      const updated = await db.transaction().execute((trx) => applyChange(trx, caller, id, body, now));
      return toWireWithHolder(updated);
    },

    /**
     * Each item is its own transaction: one item's failure is reported in PhoneNumberErrors and
     * never undoes or blocks the others. A malformed request (duplicates) is refused as a whole.
     */
    async batchUpdate(caller: Caller, items: readonly (PhoneNumberChange & { PhoneNumberId: string })[]): Promise<PhoneNumberError[]> {
      assertNoDuplicates(items.map((item) => item.PhoneNumberId));
      const now = isoNow(ctx.clock);
      const errors: PhoneNumberError[] = [];
      for (const item of items) {
        const { PhoneNumberId, ...change } = item;
        try {
          await db.transaction().execute((trx) => applyChange(trx, caller, PhoneNumberId, change, now));
        } catch (error) {
          errors.push(itemError(PhoneNumberId, error));
        }
      }
      return errors;
    },

    async delete(caller: Caller, id: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute((trx) => deleteOne(trx, caller, id, now));
    },

    async batchDelete(caller: Caller, ids: readonly string[]): Promise<PhoneNumberError[]> {
      assertNoDuplicates(ids);
      const now = isoNow(ctx.clock);
      const errors: PhoneNumberError[] = [];
      for (const id of ids) {
        try {
          await db.transaction().execute((trx) => deleteOne(trx, caller, id, now));
        } catch (error) {
          errors.push(itemError(id, error));
        }
      }
      return errors;
    },

    async restore(caller: Caller, id: string): Promise<PhoneNumber> {
      const now = isoNow(ctx.clock);
      const restored = await db.transaction().execute(async (trx) => {
        const row = await phoneNumberRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw phoneNumberNotFound(id);
        if (row.status !== 'DeleteInProgress') throw badRequest(`Phone number ${id} is ${row.status}; only deleted numbers can be restored`);
        const updated = await phoneNumberRepository.updateIfVersion(trx, caller.organizationId, id, row.version, {
          status: 'Unassigned',
          deleted_at: null,
          updated_at: now,
        });
        if (!updated) throw conflict(`Phone number ${id} was changed by another request at the same time; retry`);
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'RestorePhoneNumber', resourceType: 'PhoneNumber', resourceId: id, before: toWirePhoneNumber(row, region), after: toWirePhoneNumber(updated, region) },
        ]);
        return updated;
      });
      return toWirePhoneNumber(restored, region);
    },

    /**
     * Removes numbers whose restore window has passed, returns them to the available pool, and returns
     * how many. Each number goes in its own transaction that re-checks the status, so several nodes
     * running this at once purge (and release) each number once.
     */
    async purgeExpiredDeletions(batchSize = 500): Promise<number> {
      const now = ctx.clock.now();
      const cutoff = new Date(now.getTime() - ctx.settings.deletionRestoreWindowMs).toISOString();
      const expired = await phoneNumberRepository.listExpiredDeletions(db, cutoff, batchSize);
      let purged = 0;
      for (const row of expired) {
        const removed = await db.transaction().execute(async (trx) => {
          if (!(await phoneNumberRepository.purgeIfDeleted(trx, row.e164))) return false;
          // Released to stock: the number goes back to the pool that searches and orders draw from.
          const released = { e164: row.e164, country: row.country, number_type: row.number_type, area_code: row.area_code, city: null, state: null, created_at: now.toISOString() };
          const returned = await availableNumberRepository.insertNew(trx, [released], ctx.database.maxBindParameters);
          await recordChanges(trx, { organizationId: row.organization_id, actor: SYSTEM_ACTOR }, now.toISOString(), [
            { operation: 'PurgePhoneNumber', resourceType: 'PhoneNumber', resourceId: row.e164, before: toWirePhoneNumber(row, region) },
            ...(returned.length > 0 ? [{ operation: 'PurgePhoneNumber', resourceType: 'AvailableNumber' as const, resourceId: row.e164, after: released }] : []),
          ]);
          return true;
        });
        if (removed) purged += 1;
      }
      return purged;
    },
  };
}

export type PhoneNumberService = ReturnType<typeof createPhoneNumberService>;
