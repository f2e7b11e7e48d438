import type { SipRuleTriggerType } from '../contract/enums';
import type { SipMediaApplication, SipRule } from '../contract/sip.schema';
import type { SipMediaApplicationRow } from '../storage/repositories/sip-media-application.repository';
import type { SipRuleRow, SipRuleTargetRow } from '../storage/repositories/sip-rule.repository';

/** The endpoints column holds the wire list itself ([{LambdaArn}]) as JSON. */
export function endpointsOf(row: SipMediaApplicationRow): SipMediaApplication['Endpoints'] {
  return JSON.parse(row.endpoints) as SipMediaApplication['Endpoints'];
}

/** The wire SipMediaApplication of a row; the ARN names the organization where AWS names the account. */
export function toWireSipMediaApplication(row: SipMediaApplicationRow): SipMediaApplication {
  return {
    SipMediaApplicationId: row.id,
    AwsRegion: row.aws_region,
    Name: row.name,
    Endpoints: endpointsOf(row),
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
    SipMediaApplicationArn: `arn:aws:chime:${row.aws_region}:${row.organization_id}:sma/${row.id}`,
  };
}

/** The wire SipRule of a row and its targets (already in priority order). */
export function toWireSipRule(row: SipRuleRow, targets: readonly SipRuleTargetRow[]): SipRule {
  return {
    SipRuleId: row.id,
    Name: row.name,
    Disabled: row.disabled === 1,
    TriggerType: row.trigger_type as SipRuleTriggerType,
    TriggerValue: row.trigger_value,
    TargetApplications: targets.map((target) => ({
      SipMediaApplicationId: target.sip_media_application_id,
      Priority: target.priority,
      AwsRegion: target.aws_region,
    })),
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
  };
}
