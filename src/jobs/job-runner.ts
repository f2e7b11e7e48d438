import type { FastifyBaseLogger } from 'fastify';

export interface Job {
  name: string;
  /** Does one round of work and returns how many items it handled. */
  run(): Promise<number>;
}

/**
 * Runs each job every `intervalMs` on this node. Jobs are written so that several nodes can run them
 * at once and each item is still handled once; a round that finds nothing waits for the next tick.
 */
export function startJobs(jobs: readonly Job[], intervalMs: number, log: FastifyBaseLogger): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        const handled = await job.run();
        if (handled > 0) log.info({ job: job.name, handled }, 'job round done');
      } catch (error) {
        log.warn({ job: job.name, err: error }, 'job round failed; it will run again');
      }
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
