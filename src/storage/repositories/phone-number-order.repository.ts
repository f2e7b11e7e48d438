import type { Insertable, Selectable } from 'kysely';
import type { OrderedPhoneNumberStatus, PhoneNumberOrderStatus } from '../../contract/enums';
import { chunkForParameters } from '../chunk';
import type { OrderedPhoneNumbersTable, PhoneNumberOrdersTable } from '../database-schema';
import type { Executor } from '../executor';
import type { PhoneNumberRow } from './phone-number.repository';

export type PhoneNumberOrderRow = Selectable<PhoneNumberOrdersTable>;
export type OrderedPhoneNumberRow = Selectable<OrderedPhoneNumbersTable>;

const ORDERED_PHONE_NUMBER_COLUMNS = 3;

export const phoneNumberOrderRepository = {
  async create(db: Executor, row: Insertable<PhoneNumberOrdersTable>): Promise<PhoneNumberOrderRow> {
    return db.insertInto('phone_number_orders').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async insertOrderedNumbers(db: Executor, rows: readonly OrderedPhoneNumberRow[], maxBindParameters: number): Promise<void> {
    for (const chunk of chunkForParameters(rows, ORDERED_PHONE_NUMBER_COLUMNS, maxBindParameters)) {
      if (chunk.length === 0) continue;
      await db.insertInto('ordered_phone_numbers').values(chunk).execute();
    }
  },

  async getInOrganization(db: Executor, organizationId: string, id: string): Promise<PhoneNumberOrderRow | undefined> {
    return db.selectFrom('phone_number_orders').selectAll().where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
  },

  /** One keyset page ordered by id (ids are time-ordered, so oldest first); one row more than `limit`. */
  async listPage(db: Executor, organizationId: string, afterId: string | undefined, limit: number): Promise<PhoneNumberOrderRow[]> {
    let query = db.selectFrom('phone_number_orders').selectAll().where('organization_id', '=', organizationId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit + 1).execute();
  },

  /** The ordered numbers of these orders, by E.164 within each order. */
  async listOrderedNumbers(db: Executor, orderIds: readonly string[]): Promise<OrderedPhoneNumberRow[]> {
    const rows: OrderedPhoneNumberRow[] = [];
    for (const chunk of chunkForParameters(orderIds, 1, 30_000)) {
      if (chunk.length === 0) continue;
      rows.push(...(await db.selectFrom('ordered_phone_numbers').selectAll().where('order_id', 'in', chunk).orderBy('order_id').orderBy('e164').execute()));
    }
    return rows;
  },

  /** Orders still being processed, oldest first: the work of the completion job. */
  async listProcessing(db: Executor, limit: number): Promise<PhoneNumberOrderRow[]> {
    return db.selectFrom('phone_number_orders').selectAll().where('status', '=', 'Processing').orderBy('created_at').orderBy('id').limit(limit).execute();
  },

  /**
   * Claims a Processing order for this transaction by bumping its version, only if nobody else has:
   * of several nodes completing the same order at once, exactly one gets the row back.
   */
  async claimProcessing(db: Executor, id: string, expectedVersion: number, now: string): Promise<PhoneNumberOrderRow | undefined> {
    return db
      .updateTable('phone_number_orders')
      .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'Processing')
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  async setStatus(db: Executor, id: string, status: PhoneNumberOrderStatus, now: string): Promise<PhoneNumberOrderRow> {
    return db
      .updateTable('phone_number_orders')
      .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async setOrderedNumberStatus(db: Executor, orderId: string, e164s: readonly string[], from: OrderedPhoneNumberStatus, to: OrderedPhoneNumberStatus): Promise<void> {
    for (const chunk of chunkForParameters(e164s, 1, 30_000)) {
      if (chunk.length === 0) continue;
      await db.updateTable('ordered_phone_numbers').set({ status: to }).where('order_id', '=', orderId).where('status', '=', from).where('e164', 'in', chunk).execute();
    }
  },

  /**
   * Moves the numbers of an order out of AcquireInProgress into the inventory (Unassigned) and returns
   * the rows as they were before, so each number is acquired once even if the order were seen twice.
   */
  async acquireNumbers(db: Executor, organizationId: string, orderId: string, now: string): Promise<{ before: PhoneNumberRow[]; after: PhoneNumberRow[] }> {
    const before = await db
      .selectFrom('phone_numbers')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('order_id', '=', orderId)
      .where('status', '=', 'AcquireInProgress')
      .orderBy('e164')
      .execute();
    if (before.length === 0) return { before, after: [] };
    const after = await db
      .updateTable('phone_numbers')
      .set((eb) => ({ status: 'Unassigned', updated_at: now, version: eb('version', '+', 1) }))
      .where('organization_id', '=', organizationId)
      .where('order_id', '=', orderId)
      .where('status', '=', 'AcquireInProgress')
      .returningAll()
      .execute();
    const acquired = new Set(after.map((row) => row.e164));
    return { before: before.filter((row) => acquired.has(row.e164)), after: after.sort((a, b) => (a.e164 < b.e164 ? -1 : 1)) };
  },
};
