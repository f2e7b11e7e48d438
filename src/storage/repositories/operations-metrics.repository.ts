import type { Executor } from '../executor';

export interface InventoryCount {
  status: string;
  productType: string;
  count: number;
}

export interface QueueDepths {
  processingOrders: number;
  undeliveredNotifications: number;
}

// PostgreSQL returns count(*) as a bigint string, SQLite as a number.
const toNumber = (value: number | string | bigint) => Number(value);

/** Counts across every organization for /metrics: what an operator watches, never per tenant. */
export const operationsMetricsRepository = {
  /** One grouped query answered from phone_numbers__status_product_type_idx (an index-only scan). */
  async inventoryCounts(db: Executor): Promise<InventoryCount[]> {
    const rows = await db
      .selectFrom('phone_numbers')
      .select((eb) => ['status', 'product_type', eb.fn.countAll<number | string>().as('count')])
      .groupBy(['status', 'product_type'])
      .execute();
    return rows.map((row) => ({ status: row.status, productType: row.product_type, count: toNumber(row.count) }));
  },

  /** Orders the order-completion job has yet to finish, and the user-notification outbox. */
  async queueDepths(db: Executor): Promise<QueueDepths> {
    const [orders, notifications] = await Promise.all([
      db.selectFrom('phone_number_orders').select((eb) => eb.fn.countAll<number | string>().as('count')).where('status', '=', 'Processing').executeTakeFirstOrThrow(),
      db.selectFrom('user_notifications').select((eb) => eb.fn.countAll<number | string>().as('count')).where('delivered_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    return { processingOrders: toNumber(orders.count), undeliveredNotifications: toNumber(notifications.count) };
  },
};
