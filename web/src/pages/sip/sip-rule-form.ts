import type { SipRuleTriggerType } from '../../../../src/contract/enums';
import { SIP_RULE_MAX_PRIORITY, SIP_RULE_MAX_TARGETS, type SipRuleTargetApplication } from '../../../../src/contract/sip.schema';
import { nameProblem } from '../../common/name-problem';
import { hostnameProblem, phoneNumberProblem } from '../../common/phone-number-format';

// The SIP rule forms (Create, Edit) and their checks, which run before anything is sent: a form with
// a problem never reaches the API.

export interface RuleDetails {
  name: string;
  triggerType: SipRuleTriggerType;
  triggerValue: string;
  enabled: boolean;
}

/** One SIP media application of the rule; its region comes with the application chosen (the API wants it in each target). */
export interface TargetRow {
  applicationId: string | undefined;
  awsRegion: string | undefined;
  priority: string;
}

/** A rule's targets as the form's rows, priority 1 first. */
export function targetRowsOf(targets: SipRuleTargetApplication[]): TargetRow[] {
  return [...targets]
    .sort((a, b) => a.Priority - b.Priority)
    .map((t) => ({ applicationId: t.SipMediaApplicationId, awsRegion: t.AwsRegion, priority: String(t.Priority) }));
}

/** The rows as TargetApplications; only for rows that passed targetErrors. */
export function targetApplicationsOf(rows: TargetRow[]): SipRuleTargetApplication[] {
  return rows.map((row) => ({ SipMediaApplicationId: row.applicationId!, AwsRegion: row.awsRegion!, Priority: Number(row.priority) }));
}

export type DetailErrors = Partial<Record<'name' | 'triggerValue', string>>;

export function detailErrors(details: RuleDetails): DetailErrors {
  const errors: DetailErrors = {};
  const name = nameProblem(details.name, 'rule');
  if (name) errors.name = name;
  const valueProblem = details.triggerType === 'ToPhoneNumber' ? phoneNumberProblem(details.triggerValue) : hostnameProblem(details.triggerValue);
  if (valueProblem) errors.triggerValue = valueProblem;
  return errors;
}

export interface TargetErrors {
  rows: Partial<Record<'applicationId' | 'priority', string>>[];
  form?: string;
}

export function targetErrors(rows: TargetRow[]): TargetErrors {
  const errors: TargetErrors = { rows: rows.map(() => ({})) };
  if (rows.length === 0) errors.form = 'Add a SIP media application.';
  if (rows.length > SIP_RULE_MAX_TARGETS) errors.form = `A rule can have at most ${SIP_RULE_MAX_TARGETS} SIP media applications.`;
  const seenApplications = new Map<string, number>();
  const seenPriorities = new Map<number, number>();
  rows.forEach((row, index) => {
    const rowErrors = errors.rows[index]!;
    if (!row.applicationId || !row.awsRegion) rowErrors.applicationId = 'Choose a SIP media application.';
    else if (seenApplications.has(row.applicationId)) rowErrors.applicationId = `This SIP media application is already in row ${seenApplications.get(row.applicationId)! + 1}.`;
    else seenApplications.set(row.applicationId, index);
    const priority = Number(row.priority);
    if (!/^\d+$/.test(row.priority.trim()) || priority < 1 || priority > SIP_RULE_MAX_PRIORITY) rowErrors.priority = 'Enter a whole number from 1 (tried first).';
    else if (seenPriorities.has(priority)) rowErrors.priority = `Priority ${priority} is already used in row ${seenPriorities.get(priority)! + 1}; each SIP media application needs its own priority.`;
    else seenPriorities.set(priority, index);
  });
  return errors;
}

export function hasErrors(errors: DetailErrors | TargetErrors): boolean {
  if ('rows' in errors) return errors.form !== undefined || errors.rows.some((row) => Object.keys(row).length > 0);
  return Object.keys(errors).length > 0;
}
