import type { OrderedPhoneNumberStatus, PhoneNumberOrderStatus, ProductType } from '../contract/enums';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import type { CreatePhoneNumberOrderBody, PhoneNumberOrder } from '../contract/phone-number.schema';
import { parseE164, type ParsedNumber } from '../domain/e164';
import { badRequest, notFound } from '../domain/numberyard-error';
import { productTypeProblem } from '../domain/phone-number-rules';
import { orderableProblem } from '../domain/supported-countries';
import type { Executor } from '../storage/executor';
import { availableNumberRepository } from '../storage/repositories/available-number.repository';
import { phoneNumberOrderRepository, type OrderedPhoneNumberRow, type PhoneNumberOrderRow } from '../storage/repositories/phone-number-order.repository';
import { phoneNumberRepository, type PhoneNumberRow } from '../storage/repositories/phone-number.repository';
import { callerActor, recordChanges, SYSTEM_ACTOR, type AuditChange } from './audit-trail';
import { decodeNextToken, listScope, toPage } from './next-token';
import { toWireOrder } from './phone-number-order.mapper';
import { toWirePhoneNumber } from './phone-number.mapper';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { newTimeOrderedId } from './time-ordered-id';

/**
 * Every number must be a valid E.164 number that may have the order's product type and can be
 * ordered from its country, and appear once. One bad number refuses the whole order, naming it,
 * before anything is taken from the pool.
 */
function validateOrder(e164s: readonly string[], productType: ProductType): ParsedNumber[] {
  const seen = new Set<string>();
  return e164s.map((e164) => {
    const parsed = parseE164(e164);
    if (seen.has(parsed.e164)) throw badRequest(`Phone number ${parsed.e164} appears more than once in the order; each phone number may appear once`);
    seen.add(parsed.e164);
    const problem = productTypeProblem(parsed, productType);
    if (problem) throw badRequest(`Phone number ${problem}`);
    const unorderable = orderableProblem(parsed.country, parsed.type, productType);
    if (unorderable) throw badRequest(`Phone number ${parsed.e164} cannot be ordered: ${unorderable}`);
    return parsed;
  });
}

/** Successful when every number was acquired, Failed when none was, Partial in between. */
function finalStatus(ordered: readonly OrderedPhoneNumberRow[]): PhoneNumberOrderStatus {
  const acquired = ordered.filter((number) => number.status === 'Acquired').length;
  if (acquired === ordered.length) return 'Successful';
  return acquired === 0 ? 'Failed' : 'Partial';
}

export function createPhoneNumberOrderService(ctx: ServiceContext) {
  const { db, maxBindParameters } = ctx.database;
  const region = ctx.settings.region;

  async function withOrderedNumbers(trx: Executor, rows: readonly PhoneNumberOrderRow[]): Promise<PhoneNumberOrder[]> {
    const ordered = await phoneNumberOrderRepository.listOrderedNumbers(trx, rows.map((row) => row.id));
    const byOrder = new Map<string, OrderedPhoneNumberRow[]>();
    for (const number of ordered) byOrder.set(number.order_id, [...(byOrder.get(number.order_id) ?? []), number]);
    return rows.map((row) => toWireOrder(row, byOrder.get(row.id) ?? []));
  }

  /** Completes one Processing order in one transaction; false when another node claimed it first. */
  async function completeOrder(seen: PhoneNumberOrderRow): Promise<boolean> {
    const now = isoNow(ctx.clock);
    return db.transaction().execute(async (trx) => {
      const claimed = await phoneNumberOrderRepository.claimProcessing(trx, seen.id, seen.version, now);
      if (!claimed) return false;
      const [before] = await withOrderedNumbers(trx, [seen]);
      const { before: acquiring, after: acquired } = await phoneNumberOrderRepository.acquireNumbers(trx, seen.organization_id, seen.id, now);
      const acquiredE164s = acquired.map((row) => row.e164);
      const acquiredSet = new Set(acquiredE164s);
      const lost = before!.OrderedPhoneNumbers.filter((number) => number.Status === 'Processing' && !acquiredSet.has(number.E164PhoneNumber));
      await phoneNumberOrderRepository.setOrderedNumberStatus(trx, seen.id, acquiredE164s, 'Processing', 'Acquired');
      await phoneNumberOrderRepository.setOrderedNumberStatus(trx, seen.id, lost.map((number) => number.E164PhoneNumber), 'Processing', 'Failed');
      const ordered = await phoneNumberOrderRepository.listOrderedNumbers(trx, [seen.id]);
      const completed = await phoneNumberOrderRepository.setStatus(trx, seen.id, finalStatus(ordered), now);
      const afterByE164 = new Map(acquired.map((row) => [row.e164, row]));
      await recordChanges(trx, { organizationId: seen.organization_id, actor: SYSTEM_ACTOR }, now, [
        { operation: 'CompletePhoneNumberOrder', resourceType: 'PhoneNumberOrder', resourceId: seen.id, before, after: toWireOrder(completed, ordered) },
        ...acquiring.map(
          (row): AuditChange => ({
            operation: 'CompletePhoneNumberOrder',
            resourceType: 'PhoneNumber',
            resourceId: row.e164,
            before: toWirePhoneNumber(row, region),
            after: toWirePhoneNumber(afterByE164.get(row.e164)!, region),
          }),
        ),
      ]);
      return true;
    });
  }

  return {
    /**
     * Takes the wanted numbers out of the pool and into the caller's inventory (AcquireInProgress) in
     * one transaction. The pool row is deleted by exactly one of two racing orders, so a number goes to
     * one order only; a number no longer available is recorded as Failed in the order.
     */
    async create(caller: Caller, body: CreatePhoneNumberOrderBody): Promise<PhoneNumberOrder> {
      const wanted = validateOrder(body.E164PhoneNumbers, body.ProductType);
      const now = isoNow(ctx.clock);
      const id = newTimeOrderedId(ctx.clock);
      const name = body.Name ? body.Name : null;
      return db.transaction().execute(async (trx) => {
        // Sorted, so that concurrent orders lock pool rows in the same order and cannot deadlock.
        const taken = await availableNumberRepository.take(trx, wanted.map((number) => number.e164).sort());
        const takenSet = new Set(taken.map((row) => row.e164));
        const newRows: PhoneNumberRow[] = wanted
          .filter((number) => takenSet.has(number.e164))
          .map((number) => ({
            e164: number.e164,
            organization_id: caller.organizationId,
            country: number.country,
            number_type: number.type,
            area_code: number.areaCode,
            product_type: body.ProductType,
            status: 'AcquireInProgress',
            calling_name: null,
            calling_name_status: 'Unassigned',
            name,
            order_id: id,
            user_id: null,
            account_id: null,
            voice_connector_id: null,
            voice_connector_group_id: null,
            sip_rule_id: null,
            associated_at: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
            version: 1,
          }));
        // A pool row for a number that is already in an inventory is stale: it leaves the pool, and the order gets Failed for it.
        const inserted = new Set(await phoneNumberRepository.insertNew(trx, newRows, maxBindParameters));
        const order = await phoneNumberOrderRepository.create(trx, {
          id,
          organization_id: caller.organizationId,
          product_type: body.ProductType,
          order_type: 'New',
          status: inserted.size > 0 ? 'Processing' : 'Failed',
          name,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const ordered = wanted
          .map((number): OrderedPhoneNumberRow => ({
            order_id: id,
            e164: number.e164,
            status: (inserted.has(number.e164) ? 'Processing' : 'Failed') satisfies OrderedPhoneNumberStatus,
          }))
          .sort((a, b) => (a.e164 < b.e164 ? -1 : 1));
        await phoneNumberOrderRepository.insertOrderedNumbers(trx, ordered, maxBindParameters);
        const wire = toWireOrder(order, ordered);
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'CreatePhoneNumberOrder', resourceType: 'PhoneNumberOrder', resourceId: id, after: wire },
          ...taken.map((row): AuditChange => ({ operation: 'CreatePhoneNumberOrder', resourceType: 'AvailableNumber', resourceId: row.e164, before: row })),
          ...newRows
            .filter((row) => inserted.has(row.e164))
            .map((row): AuditChange => ({ operation: 'CreatePhoneNumberOrder', resourceType: 'PhoneNumber', resourceId: row.e164, after: toWirePhoneNumber(row, region) })),
        ]);
        return wire;
      });
    },

    async get(caller: Caller, id: string): Promise<PhoneNumberOrder> {
      const row = await phoneNumberOrderRepository.getInOrganization(db, caller.organizationId, id);
      if (!row) throw notFound(`Phone number order ${id} not found`);
      const [order] = await withOrderedNumbers(db, [row]);
      return order!;
    },

    async list(caller: Caller, query: { 'max-results'?: number; 'next-token'?: string }): Promise<{ PhoneNumberOrders: PhoneNumberOrder[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const scope = listScope('ListPhoneNumberOrders');
      const rows = await phoneNumberOrderRepository.listPage(db, caller.organizationId, decodeNextToken(query['next-token'], scope), limit);
      const page = toPage(rows, limit, (row) => row.id, scope);
      const result: { PhoneNumberOrders: PhoneNumberOrder[]; NextToken?: string } = { PhoneNumberOrders: await withOrderedNumbers(db, page.items) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    /**
     * The background job: moves Processing orders to Successful / Partial / Failed and their numbers
     * into the inventory as Unassigned. Each order is claimed by a conditional UPDATE on its status
     * and version, so several nodes running this at once complete each order, and each number, once.
     * Returns how many orders this call completed.
     */
    async completeProcessingOrders(batchSize = 100): Promise<number> {
      const processing = await phoneNumberOrderRepository.listProcessing(db, batchSize);
      let completed = 0;
      for (const order of processing) {
        if (await completeOrder(order)) completed += 1;
      }
      return completed;
    },
  };
}

export type PhoneNumberOrderService = ReturnType<typeof createPhoneNumberOrderService>;
