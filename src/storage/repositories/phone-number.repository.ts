import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AssociationName, PhoneNumberStatus, ProductType, SortOrder } from '../../contract/enums';
import { chunkForParameters } from '../chunk';
import type { AssignmentTarget } from '../../domain/assignment-rules';
import type { PhoneNumbersTable } from '../database-schema';
import type { Executor } from '../executor';
import { reusableQuery } from '../reusable-query';

export type PhoneNumberRow = Selectable<PhoneNumbersTable>;
export type NewPhoneNumberRow = Insertable<PhoneNumbersTable>;

// GetPhoneNumber and every change read a number this way: built once (see reusableQuery).
const numberInOrganization = reusableQuery((db: Executor, organizationId: string, e164: string) =>
  db.selectFrom('phone_numbers').selectAll().where('e164', '=', e164).where('organization_id', '=', organizationId),
);

export interface PhoneNumberFilter {
  status?: PhoneNumberStatus | undefined;
  productType?: ProductType | undefined;
  association?: { name: AssociationName; value: string } | undefined;
  /** Numbers that start with these characters, such as '+1206'. */
  prefix?: string | undefined;
  /** ISO 3166-1 alpha-2 code, such as 'US'. */
  country?: string | undefined;
}

/**
 * The first string after every string that starts with `prefix`, for a range scan on the E.164 index:
 * the prefix with its last digit raised by one (trailing 9s dropped: '+1209' -> '+121'). Only digits
 * are compared, so the bound holds under a C collation and PostgreSQL's language collations alike
 * (which may ignore characters such as U+10FFFF). Undefined when nothing can follow ('+99').
 */
export function prefixUpperBound(prefix: string): string | undefined {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === '9') end -= 1;
  const last = prefix[end - 1];
  if (last === undefined || last < '0' || last > '8') return undefined;
  return `${prefix.slice(0, end - 1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
}

const ASSOCIATION_COLUMN = {
  AccountId: 'account_id',
  UserId: 'user_id',
  VoiceConnectorId: 'voice_connector_id',
  VoiceConnectorGroupId: 'voice_connector_group_id',
  SipRuleId: 'sip_rule_id',
} as const;

const PHONE_NUMBER_COLUMNS = 22;

export const phoneNumberRepository = {
  async getInOrganization(db: Executor, organizationId: string, e164: string): Promise<PhoneNumberRow | undefined> {
    return (await numberInOrganization(db, organizationId, e164))[0];
  },

  async getManyInOrganization(db: Executor, organizationId: string, e164s: readonly string[]): Promise<PhoneNumberRow[]> {
    const rows: PhoneNumberRow[] = [];
    for (const chunk of chunkForParameters(e164s, 1, 30_000)) {
      if (chunk.length === 0) continue;
      rows.push(
        ...(await db.selectFrom('phone_numbers').selectAll().where('organization_id', '=', organizationId).where('e164', 'in', chunk).execute()),
      );
    }
    return rows;
  },

  /** Which of these numbers are in an inventory, any organization's. */
  async listPresent(db: Executor, e164s: readonly string[]): Promise<string[]> {
    const present: string[] = [];
    for (const chunk of chunkForParameters(e164s, 1, 30_000)) {
      if (chunk.length === 0) continue;
      present.push(...(await db.selectFrom('phone_numbers').select('e164').where('e164', 'in', chunk).execute()).map((row) => row.e164));
    }
    return present;
  },

  /**
   * One keyset page ordered by E.164 (either way); asks for one row more than `limit` so the caller
   * knows whether more follow. Every filter is an equality or an E.164 range, so an index
   * (organization_id, <filter columns>, e164) serves the page in order, read backwards for 'desc'.
   */
  async listPage(
    db: Executor,
    organizationId: string,
    filter: PhoneNumberFilter,
    afterE164: string | undefined,
    limit: number,
    order: SortOrder = 'asc',
  ): Promise<PhoneNumberRow[]> {
    let query = db.selectFrom('phone_numbers').selectAll().where('organization_id', '=', organizationId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.productType) query = query.where('product_type', '=', filter.productType);
    if (filter.country) query = query.where('country', '=', filter.country);
    if (filter.prefix) {
      query = query.where('e164', '>=', filter.prefix);
      const upper = prefixUpperBound(filter.prefix);
      if (upper !== undefined) query = query.where('e164', '<', upper);
    }
    if (filter.association) {
      const { name, value } = filter.association;
      query = query.where(ASSOCIATION_COLUMN[name], '=', value);
    }
    if (afterE164 !== undefined) query = query.where('e164', order === 'asc' ? '>' : '<', afterE164);
    return query.orderBy('e164', order).limit(limit + 1).execute();
  },

  /**
   * Inserts numbers that are not yet in any inventory and returns the ones inserted; numbers already
   * present (in this or another organization) are left as they are, which makes loading idempotent.
   */
  async insertNew(db: Executor, rows: readonly NewPhoneNumberRow[], maxBindParameters: number): Promise<string[]> {
    const inserted: string[] = [];
    for (const chunk of chunkForParameters(rows, PHONE_NUMBER_COLUMNS, maxBindParameters)) {
      if (chunk.length === 0) continue;
      const result = await db
        .insertInto('phone_numbers')
        .values(chunk)
        .onConflict((oc) => oc.column('e164').doNothing())
        .returning('e164')
        .execute();
      inserted.push(...result.map((r) => r.e164));
    }
    return inserted;
  },

  /**
   * Applies `changes` only if the row is still at `expectedVersion`, so that of two racing writers
   * exactly one wins. Returns the new row, or undefined when the row changed meanwhile.
   */
  async updateIfVersion(
    db: Executor,
    organizationId: string,
    e164: string,
    expectedVersion: number,
    changes: Updateable<PhoneNumbersTable>,
  ): Promise<PhoneNumberRow | undefined> {
    return db
      .updateTable('phone_numbers')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('e164', '=', e164)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  },

  /** Deleted numbers whose restore window has passed, oldest first. */
  async listExpiredDeletions(db: Executor, deletedBefore: string, limit: number): Promise<PhoneNumberRow[]> {
    return db
      .selectFrom('phone_numbers')
      .selectAll()
      .where('status', '=', 'DeleteInProgress')
      .where('deleted_at', '<', deletedBefore)
      .orderBy('deleted_at')
      .limit(limit)
      .execute();
  },

  /** Removes a deleted number for good, only if it is still in the deletion queue. */
  async purgeIfDeleted(db: Executor, e164: string): Promise<boolean> {
    const result = await db.deleteFrom('phone_numbers').where('e164', '=', e164).where('status', '=', 'DeleteInProgress').executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
};

/** The association columns a target sets; every other association column is cleared. */
export function associationColumns(target: AssignmentTarget | null) {
  return {
    user_id: target?.kind === 'user' ? target.userId : null,
    account_id: target?.kind === 'user' ? target.accountId : null,
    voice_connector_id: target?.kind === 'voiceConnector' ? target.voiceConnectorId : null,
    voice_connector_group_id: target?.kind === 'voiceConnectorGroup' ? target.voiceConnectorGroupId : null,
    sip_rule_id: target?.kind === 'sipRule' ? target.sipRuleId : null,
  };
}

/** The target a row is assigned to, read back from its association columns. */
export function assignmentOf(row: PhoneNumberRow): AssignmentTarget | null {
  if (row.user_id !== null) return { kind: 'user', userId: row.user_id, accountId: row.account_id ?? '' };
  if (row.voice_connector_id !== null) return { kind: 'voiceConnector', voiceConnectorId: row.voice_connector_id };
  if (row.voice_connector_group_id !== null) return { kind: 'voiceConnectorGroup', voiceConnectorGroupId: row.voice_connector_group_id };
  if (row.sip_rule_id !== null) return { kind: 'sipRule', sipRuleId: row.sip_rule_id };
  return null;
}

export const phoneNumberAssignmentRepository = {
  /**
   * Assigns (or, from another connector/group, reassigns) a number in one conditional UPDATE that
   * also checks the version read by the caller: of two racing requests exactly one changes the row,
   * and the number is never unassigned in between nor on two targets.
   */
  async assign(db: Executor, row: PhoneNumberRow, target: AssignmentTarget, now: string): Promise<PhoneNumberRow | undefined> {
    return phoneNumberRepository.updateIfVersion(db, row.organization_id, row.e164, row.version, {
      ...associationColumns(target),
      status: 'Assigned',
      associated_at: now,
      updated_at: now,
    });
  },

  async unassign(db: Executor, row: PhoneNumberRow, now: string): Promise<PhoneNumberRow | undefined> {
    return phoneNumberRepository.updateIfVersion(db, row.organization_id, row.e164, row.version, {
      ...associationColumns(null),
      status: 'Unassigned',
      associated_at: null,
      updated_at: now,
    });
  },

  /** Numbers held by a target (to refuse deleting it, or to unassign them all). */
  async listAssignedTo(db: Executor, organizationId: string, target: AssignmentTarget): Promise<PhoneNumberRow[]> {
    const columns = associationColumns(target);
    let query = db.selectFrom('phone_numbers').selectAll().where('organization_id', '=', organizationId);
    if (columns.user_id) query = query.where('user_id', '=', columns.user_id);
    else if (columns.voice_connector_id) query = query.where('voice_connector_id', '=', columns.voice_connector_id);
    else if (columns.voice_connector_group_id) query = query.where('voice_connector_group_id', '=', columns.voice_connector_group_id);
    else if (columns.sip_rule_id) query = query.where('sip_rule_id', '=', columns.sip_rule_id);
    return query.orderBy('e164').execute();
  },
};
