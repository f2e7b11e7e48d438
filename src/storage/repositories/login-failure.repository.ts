import { randomUUID } from 'node:crypto';
import type { Executor } from '../executor';

export const loginFailureRepository = {
  /** How many failures `subject` had after `since`, and the earliest of them (it leaves the window first). */
  async countSince(db: Executor, subject: string, since: string): Promise<{ count: number; earliest: string | null }> {
    const row = await db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min<string | null>('failed_at').as('earliest')])
      .where('subject', '=', subject)
      .where('failed_at', '>', since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), earliest: row.earliest };
  },

  /** Records a failure (or an attempt not yet known to succeed) and returns its id. */
  async record(db: Executor, subject: string, now: string): Promise<string> {
    const id = randomUUID();
    await db.insertInto('login_failures').values({ id, subject, failed_at: now }).execute();
    return id;
  },

  async remove(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('login_failures').where('id', '=', id).execute();
  },

  async clear(db: Executor, subject: string): Promise<void> {
    await db.deleteFrom('login_failures').where('subject', '=', subject).execute();
  },

  /** Failures older than every window no longer count; dropping them keeps the table small under a spray of guesses. */
  async deleteBefore(db: Executor, before: string): Promise<void> {
    await db.deleteFrom('login_failures').where('failed_at', '<=', before).execute();
  },
};
