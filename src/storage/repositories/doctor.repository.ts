// The invariant checks of `numberyard doctor`, as set-based SQL: every per-number rule is one CASE
// in a single pass over phone_numbers (counts), and the offending numbers are read only for the rules
// that found something, capped. The schema's constraints already enforce most of these rules; the
// doctor checks them anyway, because a database restored from an old backup or edited by hand
// (constraints dropped, foreign keys off) can break any of them.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../executor';

/** The per-number rules, each a predicate on one joined row (aliases p, u, a, vc, vcg, sr). */
export const NUMBER_RULES = {
  'multiple-associations': sql<SqlBool>`(case when p.user_id is null then 0 else 1 end) + (case when p.voice_connector_id is null then 0 else 1 end)
    + (case when p.voice_connector_group_id is null then 0 else 1 end) + (case when p.sip_rule_id is null then 0 else 1 end) > 1`,
  'status-disagrees-with-association': sql<SqlBool>`(p.status = 'Assigned') <> (coalesce(p.user_id, p.voice_connector_id, p.voice_connector_group_id, p.sip_rule_id) is not null)`,
  'user-account-mismatch': sql<SqlBool>`(p.user_id is null) <> (p.account_id is null) or (u.id is not null and u.account_id <> p.account_id)`,
  // A target of another organization is as missing as a deleted one: the joins are scoped by organization.
  'missing-target': sql<SqlBool>`(p.user_id is not null and u.id is null) or (p.account_id is not null and a.id is null)
    or (p.voice_connector_id is not null and vc.id is null) or (p.voice_connector_group_id is not null and vcg.id is null)
    or (p.sip_rule_id is not null and sr.id is null)`,
  'product-type-does-not-fit-target': sql<SqlBool>`(p.user_id is not null and p.product_type <> 'BusinessCalling')
    or ((p.voice_connector_id is not null or p.voice_connector_group_id is not null) and p.product_type <> 'VoiceConnector')
    or (p.sip_rule_id is not null and p.product_type <> 'SipMediaApplicationDialIn')`,
  'sip-rule-trigger-mismatch': sql<SqlBool>`p.sip_rule_id is not null and sr.id is not null and (sr.trigger_type <> 'ToPhoneNumber' or sr.trigger_value <> p.e164)`,
} as const;

export type NumberRule = keyof typeof NUMBER_RULES;
export const NUMBER_RULE_NAMES = Object.keys(NUMBER_RULES) as NumberRule[];

/** phone_numbers with each of its possible targets, looked up in the number's own organization. */
function joined(db: Executor) {
  return db
    .selectFrom('phone_numbers as p')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'p.user_id').onRef('u.organization_id', '=', 'p.organization_id'))
    .leftJoin('accounts as a', (join) => join.onRef('a.id', '=', 'p.account_id').onRef('a.organization_id', '=', 'p.organization_id'))
    .leftJoin('voice_connectors as vc', (join) => join.onRef('vc.id', '=', 'p.voice_connector_id').onRef('vc.organization_id', '=', 'p.organization_id'))
    .leftJoin('voice_connector_groups as vcg', (join) =>
      join.onRef('vcg.id', '=', 'p.voice_connector_group_id').onRef('vcg.organization_id', '=', 'p.organization_id'),
    )
    .leftJoin('sip_rules as sr', (join) => join.onRef('sr.id', '=', 'p.sip_rule_id').onRef('sr.organization_id', '=', 'p.organization_id'));
}

const countWhere = (predicate: RawBuilder<SqlBool>) => sql<number>`coalesce(sum(case when ${predicate} then 1 else 0 end), 0)`;

/** No audit event names the number (its import, order or any later change). */
function withoutAuditEvent(db: Executor) {
  return db
    .selectFrom('phone_numbers as p')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_events as e')
            .select(sql`1`.as('one'))
            .whereRef('e.organization_id', '=', 'p.organization_id')
            .where('e.resource_type', '=', 'PhoneNumber')
            .whereRef('e.resource_id', '=', 'p.e164'),
        ),
      ),
    );
}

export const doctorRepository = {
  /** How many numbers there are and how many break each per-number rule: one pass over the table. */
  async countNumberRuleBreaches(db: Executor): Promise<{ total: number; breaches: Record<NumberRule, number> }> {
    let query = joined(db).select(sql<number>`count(*)`.as('total'));
    for (const name of NUMBER_RULE_NAMES) query = query.select(countWhere(NUMBER_RULES[name]).as(name));
    const row = (await query.executeTakeFirstOrThrow()) as Record<string, number | string>;
    const breaches = Object.fromEntries(NUMBER_RULE_NAMES.map((name) => [name, Number(row[name])])) as Record<NumberRule, number>;
    return { total: Number(row.total), breaches };
  },

  /** The first `limit` numbers (by E.164) that break one rule. */
  async numbersBreaking(db: Executor, rule: NumberRule, limit: number): Promise<string[]> {
    const rows = await joined(db).select('p.e164').where(NUMBER_RULES[rule]).orderBy('p.e164').limit(limit).execute();
    return rows.map((row) => row.e164);
  },

  /** Users and SIP rules that hold more than one number (each holds at most one): count and the numbers concerned. */
  async targetsHeldTwice(db: Executor, limit: number): Promise<{ count: number; e164s: string[] }> {
    const shared = (column: 'user_id' | 'sip_rule_id') =>
      db.selectFrom('phone_numbers').select(column).where(column, 'is not', null).groupBy(column).having(sql`count(*)`, '>', 1);
    const [users, rules] = await Promise.all([shared('user_id').execute(), shared('sip_rule_id').execute()]);
    const userIds = users.map((row) => row.user_id!).slice(0, limit);
    const ruleIds = rules.map((row) => row.sip_rule_id!).slice(0, limit);
    const e164s =
      userIds.length + ruleIds.length === 0
        ? []
        : (
            await db
              .selectFrom('phone_numbers')
              .select('e164')
              .where((eb) => eb.or([...(userIds.length ? [eb('user_id', 'in', userIds)] : []), ...(ruleIds.length ? [eb('sip_rule_id', 'in', ruleIds)] : [])]))
              .orderBy('e164')
              .limit(limit)
              .execute()
          ).map((row) => row.e164);
    return { count: users.length + rules.length, e164s };
  },

  /** Numbers the pool offers although an inventory holds them. */
  async numbersInPoolAndInventory(db: Executor, limit: number): Promise<{ count: number; e164s: string[] }> {
    const both = db.selectFrom('available_numbers').innerJoin('phone_numbers', 'phone_numbers.e164', 'available_numbers.e164');
    const { count } = await both.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
    const e164s = Number(count) === 0 ? [] : (await both.select('available_numbers.e164').orderBy('available_numbers.e164').limit(limit).execute()).map((row) => row.e164);
    return { count: Number(count), e164s };
  },

  async countWithoutAuditEvent(db: Executor): Promise<number> {
    const row = await withoutAuditEvent(db).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  },

  async numbersWithoutAuditEvent(db: Executor, limit: number): Promise<string[]> {
    const rows = await withoutAuditEvent(db).select('p.e164').orderBy('p.e164').limit(limit).execute();
    return rows.map((row) => row.e164);
  },

  /** Orders still Processing that were created before `before`: the completion job should have taken them. */
  async stuckOrders(db: Executor, before: string, limit: number): Promise<{ count: number; orderIds: string[] }> {
    const base = db.selectFrom('phone_number_orders').where('status', '=', 'Processing').where('created_at', '<', before);
    const [count, rows] = await Promise.all([
      base.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
      base.select('id').orderBy('created_at').orderBy('id').limit(limit).execute(),
    ]);
    return { count: Number(count.count), orderIds: rows.map((row) => row.id) };
  },

  /**
   * SQLite's own check of the file: one line per problem found. quick_check skips matching every index
   * against its table, which makes it several times faster at a million numbers (6 s against 26 s).
   */
  async sqliteIntegrityProblems(db: Executor, full: boolean): Promise<string[]> {
    const { rows } = await (full ? sql<Record<string, string>>`pragma integrity_check` : sql<Record<string, string>>`pragma quick_check`).execute(db);
    return rows.map((row) => Object.values(row)[0]!).filter((line) => line !== 'ok');
  },

  /** Rows whose foreign key points at nothing (possible when foreign keys were off while the file was edited). */
  async sqliteForeignKeyProblems(db: Executor): Promise<string[]> {
    const { rows } = await sql<{ table: string; rowid: number | null; parent: string; fkid: number }>`pragma foreign_key_check`.execute(db);
    return rows.map((row) => `${row.table} row ${row.rowid ?? '?'} -> missing ${row.parent}`);
  },
};
