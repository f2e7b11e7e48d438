import type { PhoneNumber } from '../../api/phone-numbers';

// Which inventory actions fit the selected numbers, and why not when they don't: a disabled button
// says why (disabledReason) instead of letting the API refuse.

export type AssignKind = 'user' | 'voice';

export function assignProblem(selected: PhoneNumber[]): string | undefined {
  if (selected.length === 0) return 'Select one or more phone numbers.';
  if (!selected.every((n) => n.Status === 'Unassigned')) return 'Only Unassigned phone numbers can be assigned; use Reassign for assigned Voice Connector numbers.';
  const types = new Set(selected.map((n) => n.ProductType));
  if (types.size > 1) return 'Select phone numbers of one product type.';
  if (types.has('SipMediaApplicationDialIn')) return 'SIP Media Application Dial-In numbers are assigned with a SIP rule: SIP rules > Create.';
  if (types.has('BusinessCalling') && selected.length > 1) return 'A user has one Business Calling number: select one phone number.';
  return undefined;
}

export function assignKind(selected: PhoneNumber[]): AssignKind {
  return selected[0]?.ProductType === 'BusinessCalling' ? 'user' : 'voice';
}

const heldByVoiceTarget = (n: PhoneNumber) => n.Associations.some((a) => a.Name === 'VoiceConnectorId' || a.Name === 'VoiceConnectorGroupId');

export function reassignProblem(selected: PhoneNumber[]): string | undefined {
  if (selected.length === 0) return 'Select one or more phone numbers.';
  if (!selected.every((n) => n.ProductType === 'VoiceConnector' && heldByVoiceTarget(n))) {
    return 'Reassign moves Voice Connector numbers that are assigned to a voice connector or group.';
  }
  return undefined;
}

export function unassignProblem(selected: PhoneNumber[]): string | undefined {
  if (selected.length === 0) return 'Select one or more phone numbers.';
  if (!selected.every((n) => n.Status === 'Assigned')) return 'Only Assigned phone numbers can be unassigned.';
  if (selected.some((n) => n.ProductType === 'SipMediaApplicationDialIn')) {
    return 'SIP Media Application Dial-In numbers are unassigned by deleting their SIP rule: SIP rules > Actions > Delete.';
  }
  return undefined;
}

export function unassignedProblem(selected: PhoneNumber[]): string | undefined {
  if (selected.length === 0) return 'Select one or more phone numbers.';
  if (!selected.every((n) => n.Status === 'Unassigned')) return 'Only Unassigned phone numbers can be changed; unassign the others first.';
  return undefined;
}
