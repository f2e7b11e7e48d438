// Another process holding SQLite's write lock (a long CLI import, a backup taken without the online
// API): SQLite answers SQLITE_BUSY past the busy timeout, or at once when a transaction that has read
// must become a writer. Either way the server answers a retryable 503 ServiceUnavailableException,
// not a 500, and serves the write once the lock is gone.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { GetPhoneNumberCommand, UpdatePhoneNumberCommand } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';

describe('SQLite locked by another writer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => server?.close());

  it('answers 503 ServiceUnavailableException, then serves again', async () => {
    const [number] = usNumbers(1, 4000);
    await importNumbers(server, [number!], 'VoiceConnector');
    const other = new BetterSqlite3(path.join(server.database.config.dataDir, 'numberyard.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const failure = await server.admin.voice.send(new UpdatePhoneNumberCommand({ PhoneNumberId: number!, CallingName: 'Locked' })).catch((e: unknown) => e);
      expect(failure).toMatchObject({ name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await server.admin.voice.send(new UpdatePhoneNumberCommand({ PhoneNumberId: number!, CallingName: 'Unlocked' }));
    const { PhoneNumber } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number! }));
    expect(PhoneNumber?.CallingName).toBe('Unlocked');
  });
});
