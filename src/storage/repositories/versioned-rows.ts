import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../database-schema';
import type { Executor } from '../executor';

/** Tables whose rows belong to one organization and carry an `id` and a `version`. */
export type VersionedTable = 'accounts' | 'voice_connectors' | 'voice_connector_groups' | 'sip_media_applications' | 'sip_rules';

// Kysely cannot type-check a query over a table name that is a type parameter. These queries touch
// only the columns every VersionedTable has (id, organization_id, version), so they are built on an
// untyped view of the executor and typed at their boundary instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the comment above
const untyped = (db: Executor) => db as unknown as Kysely<any>;

/**
 * The verbs every versioned, organization-scoped table shares. Lookups are scoped by organization, so
 * another organization's id reads as missing; writes are conditional on the version the caller read,
 * so of two racing writers exactly one changes the row.
 */
export function versionedRows<T extends VersionedTable>(tableName: T) {
  type Row = Selectable<Database[T]>;
  const table: string = tableName;
  return {
    async insert(db: Executor, row: Insertable<Database[T]>): Promise<Row> {
      return untyped(db).insertInto(table).values(row).returningAll().executeTakeFirstOrThrow() as Promise<Row>;
    },

    async getInOrganization(db: Executor, organizationId: string, id: string): Promise<Row | undefined> {
      return untyped(db).selectFrom(table).selectAll().where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst() as Promise<Row | undefined>;
    },

    /** The ones of `ids` that exist in the organization (callers pass a handful: one statement). */
    async getManyInOrganization(db: Executor, organizationId: string, ids: readonly string[]): Promise<Row[]> {
      if (ids.length === 0) return [];
      return untyped(db).selectFrom(table).selectAll().where('organization_id', '=', organizationId).where('id', 'in', ids).execute() as Promise<Row[]>;
    },

    /** One keyset page ordered by id; one row more than `limit` tells whether more follow. */
    async listPageById(db: Executor, organizationId: string, afterId: string | undefined, limit: number): Promise<Row[]> {
      let query = untyped(db).selectFrom(table).selectAll().where('organization_id', '=', organizationId);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return query.orderBy('id').limit(limit + 1).execute() as Promise<Row[]>;
    },

    /** Applies `changes` only if the row is still at `expectedVersion`; undefined when it changed meanwhile. */
    async updateIfVersion(db: Executor, organizationId: string, id: string, expectedVersion: number, changes: Updateable<Database[T]>): Promise<Row | undefined> {
      return untyped(db)
        .updateTable(table)
        .set((eb) => ({ ...(changes as Record<string, unknown>), version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('organization_id', '=', organizationId)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst() as Promise<Row | undefined>;
    },

    /**
     * Takes the row for the rest of the transaction (a write that changes nothing), so that work
     * depending on it (associating numbers) cannot race its deletion. Undefined when it does not exist.
     */
    async holdInOrganization(db: Executor, organizationId: string, id: string): Promise<Row | undefined> {
      return untyped(db)
        .updateTable(table)
        .set((eb) => ({ version: eb.ref('version') }))
        .where('id', '=', id)
        .where('organization_id', '=', organizationId)
        .returningAll()
        .executeTakeFirst() as Promise<Row | undefined>;
    },

    /** Deletes the row only if it is still at `expectedVersion`. */
    async deleteIfVersion(db: Executor, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
      const result = await untyped(db)
        .deleteFrom(table)
        .where('id', '=', id)
        .where('organization_id', '=', organizationId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
