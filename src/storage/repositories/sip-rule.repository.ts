import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SipRuleTargetsTable, SipRulesTable } from '../database-schema';
import type { Executor } from '../executor';
import { versionedRows } from './versioned-rows';

export type SipRuleRow = Selectable<SipRulesTable>;
export type SipRuleTargetRow = Selectable<SipRuleTargetsTable>;

const sipRulesRows = versionedRows('sip_rules');

export const sipRuleRepository = {
  ...sipRulesRows,


  /** One keyset page ordered by id (time-ordered: oldest first), optionally only rules that target one SIP media application. */
  async listPage(
    db: Executor,
    organizationId: string,
    filter: { sipMediaApplicationId?: string | undefined },
    afterId: string | undefined,
    limit: number,
  ): Promise<SipRuleRow[]> {
    let query = db.selectFrom('sip_rules').selectAll().where('organization_id', '=', organizationId);
    const applicationId = filter.sipMediaApplicationId;
    if (applicationId !== undefined) {
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('sip_rule_targets').select('sip_rule_id').where('sip_media_application_id', '=', applicationId),
      );
    }
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit + 1).execute();
  },


  /** Deletes a rule only if it is still disabled and at `expectedVersion`; its targets go by ON DELETE CASCADE. */
  async deleteIfDisabled(db: Executor, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await db
      .deleteFrom('sip_rules')
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .where('disabled', '=', 1)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** Targets of the given rules, each rule's in priority order. */
  async listTargets(db: Executor, ruleIds: readonly string[]): Promise<SipRuleTargetRow[]> {
    if (ruleIds.length === 0) return [];
    return db.selectFrom('sip_rule_targets').selectAll().where('sip_rule_id', 'in', ruleIds).orderBy('sip_rule_id').orderBy('priority').execute();
  },

  async replaceTargets(db: Executor, ruleId: string, targets: readonly Insertable<SipRuleTargetsTable>[]): Promise<void> {
    await db.deleteFrom('sip_rule_targets').where('sip_rule_id', '=', ruleId).execute();
    if (targets.length > 0) await db.insertInto('sip_rule_targets').values([...targets]).execute();
  },

  /** Ids of the organization's rules that target a SIP media application (to refuse deleting it). */
  async listIdsTargeting(db: Executor, organizationId: string, sipMediaApplicationId: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('sip_rules')
      .innerJoin('sip_rule_targets', 'sip_rule_targets.sip_rule_id', 'sip_rules.id')
      .select('sip_rules.id')
      .where('sip_rules.organization_id', '=', organizationId)
      .where('sip_rule_targets.sip_media_application_id', '=', sipMediaApplicationId)
      .orderBy('sip_rules.id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  },
};
