// PostgreSQL stopped (as by a power cut) and started again while clients keep sending: during the
// outage every request gets a quick, retryable 503 ServiceUnavailableException (no hang, no 500),
// /ready says 503 and /health 200, the node process stays up, and it serves again by itself once the
// database is back. The test runs its own PostgreSQL cluster, so the shared one is never stopped.
import { GetPhoneNumberCommand, ListPhoneNumbersCommand, UpdatePhoneNumberCommand } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usNumbers } from '../support/inventory';
import { sdkClients } from '../support/test-server';
import { importIntoNode, newAdminCredentials } from './support/node-inventory';
import { ownPostgresUnavailable, startOwnPostgres, type OwnPostgres } from './support/own-postgres';
import { startServerNode, type ServerNode } from './support/server-node';

const skipReason = ownPostgresUnavailable();
if (skipReason) console.warn(`postgres-outage.test.ts skipped: ${skipReason}`);

const QUICK_MS = 3_000;
const RESUME_WITHIN_MS = 20_000;

interface Answer {
  status: number;
  type?: string;
  ms: number;
}

describe.skipIf(skipReason !== undefined)('PostgreSQL outage under load', () => {
  let postgres: OwnPostgres;
  let node: ServerNode;
  const admin = newAdminCredentials();
  const numbers = usNumbers(20, 3000);

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    node = await startServerNode({ databaseUrl: postgres.url, admin });
    await importIntoNode(node.url, admin, numbers, 'VoiceConnector');
  });
  afterAll(async () => {
    await node?.stop();
    postgres?.destroy();
  });

  it('answers 503 quickly while the database is down and recovers by itself', async () => {
    const { voice } = sdkClients(node.url, admin);
    let sent = 0;
    // One request of a mix of reads and writes, timed; the answer as the SDK client reports it.
    const request = async (): Promise<Answer> => {
      const i = sent++;
      const started = Date.now();
      const n = numbers[i % numbers.length]!;
      const command =
        i % 3 === 0
          ? voice.send(new ListPhoneNumbersCommand({ MaxResults: 10 }))
          : i % 3 === 1
            ? voice.send(new GetPhoneNumberCommand({ PhoneNumberId: n }))
            : voice.send(new UpdatePhoneNumberCommand({ PhoneNumberId: n, CallingName: `Caller${i % 7}` }));
      try {
        await command;
        return { status: 200, ms: Date.now() - started };
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        return { status: e.$metadata?.httpStatusCode ?? 0, type: e.name, ms: Date.now() - started };
      }
    };
    const probe = async (path: string) => (await fetch(new URL(path, node.url), { signal: AbortSignal.timeout(QUICK_MS) })).status;
    // Four clients sending back to back for `ms` (bounded by count too).
    const load = async (ms: number, maxRequests: number): Promise<Answer[]> => {
      const answers: Answer[] = [];
      const until = Date.now() + ms;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (Date.now() < until && answers.length < maxRequests) answers.push(await request());
        }),
      );
      return answers;
    };

    const before = await load(1_000, 400);
    expect(before.every((a) => a.status === 200)).toBe(true);
    expect(await probe('/ready')).toBe(200);

    // The database goes away while requests are in flight.
    const during = load(4_000, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    postgres.stopImmediately();
    const outageAnswers = await during;
    const afterStop = await load(3_000, 2_000);
    for (const answer of afterStop) {
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 503, type: 'ServiceUnavailableException' });
    }
    // Requests cut off by the stop itself may have succeeded before it; none may fail otherwise.
    for (const answer of [...outageAnswers, ...afterStop]) {
      expect([200, 503], JSON.stringify(answer)).toContain(answer.status);
      expect(answer.ms, JSON.stringify(answer)).toBeLessThan(QUICK_MS);
    }
    expect(afterStop.length).toBeGreaterThan(0);
    expect(await probe('/ready')).toBe(503);
    expect(await probe('/health')).toBe(200);
    expect(node.exitCode(), node.output()).toBeUndefined();

    // The database comes back; the node serves again without being touched.
    postgres.start();
    const back = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - back < RESUME_WITHIN_MS) {
      const answers = await load(500, 200);
      recovered = answers.length > 0 && answers.every((a) => a.status === 200);
    }
    expect(recovered, `recovered within ${RESUME_WITHIN_MS} ms`).toBe(true);
    const afterRecovery = await load(1_000, 400);
    expect(afterRecovery.filter((a) => a.status !== 200)).toEqual([]);
    expect(await probe('/ready')).toBe(200);
    expect(node.exitCode(), node.output()).toBeUndefined();
    voice.destroy();
  });
});
