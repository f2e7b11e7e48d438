// Slows down guessing of console secrets and passwords: after MAX_FAILURES failed sign-ins for one
// access key id or username within the window, further attempts for it are refused until the
// oldest failure leaves the window. Failures are rows, so every node sees the same count.
// Each attempt is recorded as a failure before its secret is checked (which takes a while: scrypt)
// and forgiven when it succeeds: counting only finished failures would let a burst of parallel
// guesses all pass the count before the first of them is recorded.
import { NumberyardError } from '../domain/numberyard-error';
import { loginFailureRepository } from '../storage/repositories/login-failure.repository';
import type { ServiceContext } from './service-context';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** A 429 that also says, for the Retry-After header, when to come back. */
export class LoginThrottledError extends NumberyardError {
  constructor(readonly retryAfterSeconds: number) {
    super('Throttled', `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`);
  }
}

export function createLoginThrottle(ctx: ServiceContext) {
  const { db } = ctx.database;
  const windowStart = (now: Date) => new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();

  return {
    /**
     * Records an attempt for `subject`, counted as a failure until recordSuccess; refuses it (and
     * records nothing) when the attempts in the window, this one and the ones in flight included, are
     * more than MAX_FAILURES.
     */
    async beginAttempt(subject: string): Promise<void> {
      const now = ctx.clock.now();
      await loginFailureRepository.deleteBefore(db, windowStart(now));
      const attempt = await loginFailureRepository.record(db, subject, now.toISOString());
      const { count, earliest } = await loginFailureRepository.countSince(db, subject, windowStart(now));
      if (count <= MAX_FAILURES || earliest === null) return;
      await loginFailureRepository.remove(db, attempt);
      const reopensAt = Date.parse(earliest) + FAILURE_WINDOW_MS;
      throw new LoginThrottledError(Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)));
    },

    /** The attempt succeeded: the subject's failures are forgiven. */
    async recordSuccess(subject: string): Promise<void> {
      await loginFailureRepository.clear(db, subject);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
