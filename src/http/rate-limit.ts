// Request-rate limit per access key: a token bucket per key, refilled continuously. Counted in this
// process only: a counter shared through the database would add a write to every request, and the
// limit exists to protect the nodes and the database. With N nodes behind a load balancer a key
// gets at most N times the configured rate in total.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { NumberyardError } from '../domain/numberyard-error';

export interface RateLimit {
  /** Tokens added per second (the sustained request rate). */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Above this many keys, full buckets (idle keys) are dropped so the map cannot grow without bound. */
const SWEEP_ABOVE = 10_000;

export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()) {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perSecond / 1000;

  function sweep(at: number): void {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (at - bucket.updatedAt) * perMs >= limit.burst) buckets.delete(key);
    }
  }

  return {
    /** Takes one token for `key`: 0 when allowed, otherwise the seconds until a token is available. */
    take(key: string): number {
      const at = now();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= SWEEP_ABOVE) sweep(at);
        bucket = { tokens: limit.burst, updatedAt: at };
        buckets.set(key, bucket);
      } else {
        // Mutated in place: no allocation per request once a key has a bucket.
        bucket.tokens = Math.min(limit.burst, bucket.tokens + (at - bucket.updatedAt) * perMs);
        bucket.updatedAt = at;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (1 - bucket.tokens) / limit.perSecond;
    },
  };
}

/**
 * Registered after authentication (hooks run in registration order), so only authenticated callers
 * spend tokens and an unsigned flood cannot use up a real key's budget. A 429 is retried by the
 * AWS SDKs, which wait at least the Retry-After seconds.
 */
export function registerRateLimit(app: FastifyInstance, limit: RateLimit): void {
  const limiter = createRateLimiter(limit);
  // A callback hook rather than an async one: no promise per request on the hot path.
  app.addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const caller = request.caller;
    if (!caller) {
      done();
      return;
    }
    const waitSeconds = limiter.take(caller.accessKeyId);
    if (waitSeconds === 0) {
      done();
      return;
    }
    reply.header('retry-after', String(Math.ceil(waitSeconds)));
    done(new NumberyardError('Throttled', `Rate exceeded: access key ${caller.accessKeyId} may send ${limit.perSecond} requests per second (bursts of ${limit.burst})`));
  });
}
