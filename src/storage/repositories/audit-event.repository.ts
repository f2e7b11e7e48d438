import type { Insertable, Selectable } from 'kysely';
import type { AuditEventsTable } from '../database-schema';
import type { Executor } from '../executor';

export type AuditEventRow = Selectable<AuditEventsTable>;

export const auditEventRepository = {
  async insertMany(db: Executor, rows: Insertable<AuditEventsTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await db.insertInto('audit_events').values(rows).execute();
  },

  /** A resource's history, oldest first, from `afterId` on. */
  async listForResource(
    db: Executor,
    organizationId: string,
    resourceType: string,
    resourceId: string,
    afterId: number | undefined,
    limit: number,
  ): Promise<AuditEventRow[]> {
    let query = db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('resource_type', '=', resourceType)
      .where('resource_id', '=', resourceId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
  },
};
