import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../database-schema';
import type { Executor } from '../executor';

export type OrganizationRow = Selectable<OrganizationsTable>;

export const organizationRepository = {
  async create(db: Executor, row: { id: string; name: string; now: string }): Promise<OrganizationRow> {
    return db
      .insertInto('organizations')
      .values({ id: row.id, name: row.name, created_at: row.now, updated_at: row.now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Inserts the organization unless one with its id exists; undefined when it did. */
  async createIfAbsent(db: Executor, row: { id: string; name: string; now: string }): Promise<OrganizationRow | undefined> {
    return db
      .insertInto('organizations')
      .values({ id: row.id, name: row.name, created_at: row.now, updated_at: row.now, version: 1 })
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  async getById(db: Executor, id: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(db: Executor): Promise<OrganizationRow[]> {
    return db.selectFrom('organizations').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  async updateCallingName(db: Executor, id: string, callingName: string | null, now: string): Promise<OrganizationRow | undefined> {
    return db
      .updateTable('organizations')
      .set((eb) => ({ default_calling_name: callingName, calling_name_updated_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },
};
