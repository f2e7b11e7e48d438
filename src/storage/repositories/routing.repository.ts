// Read-only queries behind the routing lookup. They read the voice connector, group and user tables
// directly (not through those resources' repositories) so that routing depends on the schema alone.
import type { Executor } from '../executor';

export interface RoutedTarget {
  id: string;
  priority: number;
}

export const routingRepository = {
  /** The enabled rule with this trigger, if any. */
  async findEnabledRuleId(db: Executor, organizationId: string, triggerType: string, triggerValue: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('sip_rules')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('trigger_type', '=', triggerType)
      .where('trigger_value', '=', triggerValue)
      .where('disabled', '=', 0)
      .executeTakeFirst();
    return row?.id;
  },

  /** The SIP media applications of a rule, in priority order; nothing when the rule is disabled or gone. */
  async sipMediaApplicationsOfEnabledRule(db: Executor, organizationId: string, sipRuleId: string): Promise<RoutedTarget[]> {
    return db
      .selectFrom('sip_rule_targets')
      .innerJoin('sip_rules', 'sip_rules.id', 'sip_rule_targets.sip_rule_id')
      .innerJoin('sip_media_applications', 'sip_media_applications.id', 'sip_rule_targets.sip_media_application_id')
      .select(['sip_media_applications.id as id', 'sip_rule_targets.priority as priority'])
      .where('sip_rules.id', '=', sipRuleId)
      .where('sip_rules.organization_id', '=', organizationId)
      .where('sip_rules.disabled', '=', 0)
      .where('sip_media_applications.organization_id', '=', organizationId)
      .orderBy('sip_rule_targets.priority')
      .execute();
  },

  async voiceConnectorExists(db: Executor, organizationId: string, voiceConnectorId: string): Promise<boolean> {
    const row = await db
      .selectFrom('voice_connectors')
      .select('id')
      .where('id', '=', voiceConnectorId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The connectors of a group in priority order (ties by id, so the answer is stable). */
  async voiceConnectorsOfGroup(db: Executor, organizationId: string, groupId: string): Promise<RoutedTarget[]> {
    return db
      .selectFrom('voice_connector_group_items')
      .innerJoin('voice_connector_groups', 'voice_connector_groups.id', 'voice_connector_group_items.group_id')
      .innerJoin('voice_connectors', 'voice_connectors.id', 'voice_connector_group_items.voice_connector_id')
      .select(['voice_connectors.id as id', 'voice_connector_group_items.priority as priority'])
      .where('voice_connector_groups.id', '=', groupId)
      .where('voice_connector_groups.organization_id', '=', organizationId)
      .where('voice_connectors.organization_id', '=', organizationId)
      .orderBy('voice_connector_group_items.priority')
      .orderBy('voice_connectors.id')
      .execute();
  },

  async userExists(db: Executor, organizationId: string, userId: string): Promise<boolean> {
    const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('organization_id', '=', organizationId).executeTakeFirst();
    return row !== undefined;
  },
};
