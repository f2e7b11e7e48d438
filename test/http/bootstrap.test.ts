import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services';
import { createSecretBox } from '../../src/services/secret-box';
import { systemClock } from '../../src/services/service-context';
import type { DatabaseHandle } from '../../src/storage/database';
import { DIALECTS } from '../support/dialects';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Several nodes starting together on an empty database each try to create the first administrator.
for (const dialect of DIALECTS) {
  describe(`first administrator bootstrap [${dialect}]`, () => {
    let database: TestDatabase;
    const handles: DatabaseHandle[] = [];
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      for (const handle of handles) await handle.db.destroy();
      await database?.drop();
    });

    it('creates exactly one first organization and key when nodes race, and none on later starts', async () => {
      const secretBox = createSecretBox(randomBytes(32));
      const nodes = Array.from({ length: 4 }, () => {
        const handle = database.open();
        handles.push(handle);
        return createServices({ database: handle, clock: systemClock, settings: { region: 'us-east-1', deletionRestoreWindowMs: 0 }, secretBox });
      });
      // On PostgreSQL the nodes truly race. SQLite serves one node (one writer process); its handles
      // live in this one thread, where a waiting writer would block the one it waits for, so they start
      // one after the other.
      const results =
        dialect === 'postgres'
          ? await Promise.all(nodes.map((services) => services.organizations.bootstrapAdministrator()))
          : [await nodes[0]!.organizations.bootstrapAdministrator(), await nodes[1]!.organizations.bootstrapAdministrator()];
      const created = results.filter((key) => key !== undefined);
      expect(created).toHaveLength(1);
      const { db } = handles[0]!;
      expect(await db.selectFrom('access_keys').select('access_key_id').execute()).toEqual([{ access_key_id: created[0]!.AccessKeyId }]);
      expect(await db.selectFrom('organizations').select('name').execute()).toEqual([{ name: 'Default organization' }]);
      // The key works: the node that did not create it can authenticate with it.
      const found = await nodes[3]!.organizations.authenticate(created[0]!.AccessKeyId);
      expect(found?.secretAccessKey).toBe(created[0]!.SecretAccessKey);
      expect(await nodes[1]!.organizations.bootstrapAdministrator()).toBeUndefined();
    });
  });
}
