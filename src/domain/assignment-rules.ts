// Which target takes which product type, and when a number may be assigned. Pure: no I/O.
import type { PhoneNumberStatus, ProductType } from '../contract/enums';
import { NumberyardError } from './numberyard-error';
import { productTypeLabel } from './phone-number-rules';

export type AssignmentTarget =
  | { kind: 'user'; userId: string; accountId: string }
  | { kind: 'voiceConnector'; voiceConnectorId: string }
  | { kind: 'voiceConnectorGroup'; voiceConnectorGroupId: string }
  | { kind: 'sipRule'; sipRuleId: string };

export type TargetKind = AssignmentTarget['kind'];

export const TARGET_PRODUCT_TYPE: Record<TargetKind, ProductType> = {
  user: 'BusinessCalling',
  voiceConnector: 'VoiceConnector',
  voiceConnectorGroup: 'VoiceConnector',
  sipRule: 'SipMediaApplicationDialIn',
};

export const TARGET_LABEL: Record<TargetKind, string> = {
  user: 'a Business Calling user',
  voiceConnector: 'a Voice Connector',
  voiceConnectorGroup: 'a Voice Connector group',
  sipRule: 'a SIP rule',
};

/** Refuses a number whose product type does not fit the target, naming both. */
export function assertProductTypeFitsTarget(e164: string, productType: ProductType, target: TargetKind): void {
  const needed = TARGET_PRODUCT_TYPE[target];
  if (productType !== needed) {
    throw new NumberyardError(
      'BadRequest',
      `Phone number ${e164} has product type ${productTypeLabel(productType)}; ${TARGET_LABEL[target]} takes only ${productTypeLabel(needed)} numbers`,
    );
  }
}

export interface CurrentAssignment {
  status: PhoneNumberStatus;
  target: AssignmentTarget | null;
}

/**
 * Whether a number may be assigned to `target` now. With `force` (ForceAssociate), a Voice Connector
 * number already on another connector or group moves over in one step; without it, only Unassigned
 * numbers can be assigned.
 */
export function assertAssignable(e164: string, current: CurrentAssignment, target: TargetKind, force: boolean): void {
  if (current.status === 'Unassigned') return;
  if (current.status === 'Assigned' && current.target) {
    const betweenConnectors = (current.target.kind === 'voiceConnector' || current.target.kind === 'voiceConnectorGroup') && (target === 'voiceConnector' || target === 'voiceConnectorGroup');
    if (force && betweenConnectors) return;
    const hint = betweenConnectors ? '; unassign it first or use ForceAssociate to move it between voice connectors and groups' : '; unassign it first';
    throw new NumberyardError('PhoneNumberAssociationsExist', `Phone number ${e164} is already assigned to ${TARGET_LABEL[current.target.kind]}${hint}`);
  }
  throw new NumberyardError('Conflict', `Phone number ${e164} is ${current.status} and cannot be assigned`);
}

/** True when the number is held by exactly this target. */
export function isAssignedTo(current: AssignmentTarget | null, target: AssignmentTarget): boolean {
  if (!current || current.kind !== target.kind) return false;
  switch (target.kind) {
    case 'user':
      return current.kind === 'user' && current.userId === target.userId;
    case 'voiceConnector':
      return current.kind === 'voiceConnector' && current.voiceConnectorId === target.voiceConnectorId;
    case 'voiceConnectorGroup':
      return current.kind === 'voiceConnectorGroup' && current.voiceConnectorGroupId === target.voiceConnectorGroupId;
    case 'sipRule':
      return current.kind === 'sipRule' && current.sipRuleId === target.sipRuleId;
  }
}
