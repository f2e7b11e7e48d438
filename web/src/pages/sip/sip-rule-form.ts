import type { SipRuleTriggerType } from '../../../../src/contract/enums';
import { NAME_MAX_LENGTH } from '../../../../src/contract/limits';
import { SIP_RULE_MAX_PRIORITY, SIP_RULE_MAX_TARGETS } from '../../../../src/contract/sip.schema';
import { hostnameProblem, phoneNumberProblem } from '../../common/phone-number-format';

// The Create SIP rule form and its checks, which run before anything is sent: a form with a problem
// never reaches the API.

export interface RuleDetails {
  name: string;
  triggerType: SipRuleTriggerType;
  triggerValue: string;
  enabled: boolean;
}

export interface TargetRow {
  applicationId: string | undefined;
  priority: string;
}

export type DetailErrors = Partial<Record<'name' | 'triggerValue', string>>;

export function detailErrors(details: RuleDetails): DetailErrors {
  const errors: DetailErrors = {};
  const name = details.name.trim();
  if (name === '') errors.name = 'Enter a name for the rule.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
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
    if (!row.applicationId) rowErrors.applicationId = 'Choose a SIP media application.';
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
