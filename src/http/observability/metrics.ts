import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PHONE_NUMBER_STATUSES, PRODUCT_TYPES } from '../../contract/enums';
import type { Executor } from '../../storage/executor';
import { operationsMetricsRepository, type InventoryCount, type QueueDepths } from '../../storage/repositories/operations-metrics.repository';
import { operationOf } from './request-logging';

/** Scrapes within this window share one set of database counts (several Prometheus servers, retries). */
const DATABASE_COUNTS_TTL_MS = 5_000;

// Requests range from a cached read (~1 ms) to a 100,000-row import (tens of seconds).
const LATENCY_BUCKETS_SECONDS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

interface DatabaseCounts {
  inventory: InventoryCount[];
  queues: QueueDepths;
}

/** One load shared by every caller until it is ttlMs old; a failed load is not kept. */
function cachedFor<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let current: { loadedAt: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (!current || now - current.loadedAt >= ttlMs) {
      const value = load();
      const entry = { loadedAt: now, value };
      current = entry;
      value.catch(() => {
        if (current === entry) current = undefined;
      });
    }
    return current.value;
  };
}

/**
 * The Prometheus metrics of one numberyard node: requests and latency by operation and status code
 * (per node; sum them across nodes), the inventory and job queues (database-wide: every node reports
 * the same figures, so take max rather than sum across nodes), and the Node.js process.
 */
export function createMetrics(app: FastifyInstance, db: Executor): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'numberyard_http_requests_total',
    help: 'HTTP requests answered, by operation (OpenAPI operationId) and status code',
    labelNames: ['operation', 'status_code'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'numberyard_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its response, by operation and status code',
    labelNames: ['operation', 'status_code'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [registry],
  });

  // The labelled children, kept so that a request costs two Map look-ups rather than label hashing.
  type Observers = { count: { inc(): void }; time: { observe(value: number): void } };
  const observers = new Map<string, Observers>();
  app.addHook('onResponse', (request, reply, done) => {
    const operation = operationOf(request);
    const statusCode = reply.statusCode;
    const key = `${operation} ${statusCode}`;
    let observer = observers.get(key);
    if (!observer) {
      const labels = { operation, status_code: String(statusCode) };
      observer = { count: requests.labels(labels), time: latency.labels(labels) };
      observers.set(key, observer);
    }
    observer.count.inc();
    observer.time.observe(reply.elapsedTime / 1000);
    done();
  });

  const loadCounts = cachedFor<DatabaseCounts>(DATABASE_COUNTS_TTL_MS, async () => {
    try {
      const [inventory, queues] = await Promise.all([operationsMetricsRepository.inventoryCounts(db), operationsMetricsRepository.queueDepths(db)]);
      return { inventory, queues };
    } catch (error) {
      app.log.warn({ err: error }, 'metrics: the database did not answer the inventory counts');
      throw error;
    }
  });
  // prom-client collects all metrics of a scrape concurrently: each gauge awaits the one shared load.
  const countsOrNone = () => loadCounts().catch(() => undefined);

  /** A gauge read from the database counts at scrape time (never per request); no series while the database is down. */
  function databaseGauge<L extends string>(
    config: { name: string; help: string; labelNames?: readonly L[] },
    fill: (gauge: Gauge<L>, counts: DatabaseCounts) => void,
  ): Gauge<L> {
    return new Gauge<L>({
      ...config,
      registers: [registry],
      async collect() {
        const counts = await countsOrNone();
        this.reset();
        if (counts) fill(this, counts);
      },
    });
  }

  new Gauge({
    name: 'numberyard_metrics_database_up',
    help: "1 when the database answered this scrape's counts, else 0",
    registers: [registry],
    async collect() {
      this.set((await countsOrNone()) ? 1 : 0);
    },
  });
  databaseGauge(
    { name: 'numberyard_phone_numbers', help: 'Phone numbers in the inventory (all organizations), by status and product type', labelNames: ['status', 'product_type'] },
    (gauge, counts) => {
      // Every known combination appears, 0 included, so that a series never vanishes when it empties.
      for (const status of PHONE_NUMBER_STATUSES) for (const productType of PRODUCT_TYPES) gauge.set({ status, product_type: productType }, 0);
      for (const row of counts.inventory) gauge.set({ status: row.status, product_type: row.productType }, row.count);
    },
  );
  databaseGauge({ name: 'numberyard_deletion_queue_numbers', help: 'Deleted numbers in the restore window, waiting for the purge job' }, (gauge, counts) =>
    gauge.set(counts.inventory.filter((row) => row.status === 'DeleteInProgress').reduce((sum, row) => sum + row.count, 0)),
  );
  databaseGauge({ name: 'numberyard_processing_orders', help: 'Phone number orders in Processing, waiting for the order-completion job' }, (gauge, counts) =>
    gauge.set(counts.queues.processingOrders),
  );
  databaseGauge({ name: 'numberyard_undelivered_user_notifications', help: 'User notifications in the outbox not yet delivered' }, (gauge, counts) =>
    gauge.set(counts.queues.undeliveredNotifications),
  );

  return registry;
}
