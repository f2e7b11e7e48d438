// The reference model of a small inventory for the model-based test: what the Chime rules say every
// operation does, written as plainly as possible and independently of the server's code, so that a
// disagreement between the two points at a bug in one of them. Pure: no I/O.
import type { ErrorCode } from '../../../src/contract/errors';

export type ModelProductType = 'BusinessCalling' | 'VoiceConnector' | 'SipMediaApplicationDialIn';
export type ModelStatus = 'Unassigned' | 'Assigned' | 'DeleteInProgress';

export type Holder =
  | { kind: 'voiceConnector'; index: number }
  | { kind: 'voiceConnectorGroup' }
  | { kind: 'sipRule'; ruleKey: number }
  | { kind: 'user'; index: number };

export interface ModelNumber {
  e164: string;
  us: boolean;
  tollFree: boolean;
  productType: ModelProductType;
  status: ModelStatus;
  holder: Holder | null;
}

export interface ModelRule {
  /** The model's own name for the rule; the real id is learnt when the server creates it. */
  key: number;
  e164: string;
  disabled: boolean;
}

export interface InventoryModel {
  numbers: ModelNumber[];
  rules: ModelRule[];
  nextRuleKey: number;
  /** The number each user holds (a user holds at most one). */
  userNumbers: (string | null)[];
}

/** What an operation answers: success, or the error code the Chime rules call for. */
export type Outcome = { ok: true } | { ok: false; code: ErrorCode };
const ok: Outcome = { ok: true };
const fail = (code: ErrorCode): Outcome => ({ ok: false, code });

export function numberOf(model: InventoryModel, e164: string): ModelNumber {
  const number = model.numbers.find((n) => n.e164 === e164);
  if (!number) throw new Error(`the model has no ${e164}`);
  return number;
}

function assign(number: ModelNumber, holder: Holder): void {
  number.status = 'Assigned';
  number.holder = holder;
}

function unassign(number: ModelNumber): void {
  number.status = 'Unassigned';
  number.holder = null;
}

const TARGET_PRODUCT: Record<Holder['kind'], ModelProductType> = {
  voiceConnector: 'VoiceConnector',
  voiceConnectorGroup: 'VoiceConnector',
  sipRule: 'SipMediaApplicationDialIn',
  user: 'BusinessCalling',
};

function sameHolder(a: Holder | null, b: Holder): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The shared rule of every assignment: product type first, then only Unassigned numbers (ForceAssociate moves between connectors). */
function assignmentRefusal(number: ModelNumber, target: Holder, force: boolean): ErrorCode | null {
  if (number.productType !== TARGET_PRODUCT[target.kind]) return 'BadRequest';
  if (number.status === 'Unassigned') return null;
  if (number.status === 'Assigned') {
    const connectorKinds = ['voiceConnector', 'voiceConnectorGroup'];
    if (force && connectorKinds.includes(number.holder!.kind) && connectorKinds.includes(target.kind)) return null;
    return 'PhoneNumberAssociationsExist';
  }
  return 'Conflict';
}

export const inventoryModel = {
  /** UpdatePhoneNumber ProductType: frozen while deleted; a change only while Unassigned; non-US only SMA Dial-In; toll-free never Business Calling. */
  updateProductType(model: InventoryModel, e164: string, productType: ModelProductType): Outcome {
    const number = numberOf(model, e164);
    if (number.status === 'DeleteInProgress') return fail('Conflict');
    if (productType === number.productType) return ok;
    if (number.status === 'Assigned') return fail('PhoneNumberAssociationsExist');
    if (!number.us && productType !== 'SipMediaApplicationDialIn') return fail('BadRequest');
    if (number.tollFree && productType === 'BusinessCalling') return fail('BadRequest');
    number.productType = productType;
    return ok;
  },

  deleteNumber(model: InventoryModel, e164: string): Outcome {
    const number = numberOf(model, e164);
    if (number.status === 'Assigned') return fail('PhoneNumberAssociationsExist');
    if (number.status !== 'Unassigned') return fail('Conflict');
    number.status = 'DeleteInProgress';
    return ok;
  },

  restoreNumber(model: InventoryModel, e164: string): Outcome {
    const number = numberOf(model, e164);
    if (number.status !== 'DeleteInProgress') return fail('BadRequest');
    number.status = 'Unassigned';
    return ok;
  },

  /** One number of an Associate... batch: its own error code, or null when it is (or already was) on the target. */
  associateWithConnector(model: InventoryModel, e164: string, target: Extract<Holder, { kind: 'voiceConnector' | 'voiceConnectorGroup' }>, force: boolean): ErrorCode | null {
    const number = numberOf(model, e164);
    if (sameHolder(number.holder, target)) return null;
    const refusal = assignmentRefusal(number, target, force);
    if (refusal === null) assign(number, target);
    return refusal;
  },

  disassociateFromConnector(model: InventoryModel, e164: string, target: Extract<Holder, { kind: 'voiceConnector' | 'voiceConnectorGroup' }>): ErrorCode | null {
    const number = numberOf(model, e164);
    if (!sameHolder(number.holder, target)) return 'BadRequest';
    unassign(number);
    return null;
  },

  /** CreateSipRule with a ToPhoneNumber trigger takes the number; the rule exists only when that succeeds. */
  createSipRule(model: InventoryModel, e164: string): { outcome: Outcome; rule?: ModelRule } {
    const number = numberOf(model, e164);
    const key = model.nextRuleKey;
    const refusal = assignmentRefusal(number, { kind: 'sipRule', ruleKey: key }, false);
    if (refusal !== null) return { outcome: fail(refusal) };
    model.nextRuleKey += 1;
    const rule: ModelRule = { key, e164, disabled: false };
    model.rules.push(rule);
    assign(number, { kind: 'sipRule', ruleKey: key });
    return { outcome: ok, rule };
  },

  disableSipRule(model: InventoryModel, ruleKey: number): Outcome {
    model.rules.find((rule) => rule.key === ruleKey)!.disabled = true;
    return ok;
  },

  /** Only a disabled rule can be deleted; deleting it gives its number back. */
  deleteSipRule(model: InventoryModel, ruleKey: number): Outcome {
    const rule = model.rules.find((r) => r.key === ruleKey)!;
    if (!rule.disabled) return fail('Conflict');
    model.rules = model.rules.filter((r) => r !== rule);
    unassign(numberOf(model, rule.e164));
    return ok;
  },

  /** Legacy AssociatePhoneNumberWithUser: a Business Calling Unassigned number, and a user holds one number. */
  associateWithUser(model: InventoryModel, userIndex: number, e164: string): Outcome {
    const number = numberOf(model, e164);
    const target: Holder = { kind: 'user', index: userIndex };
    if (sameHolder(number.holder, target)) return ok;
    const refusal = assignmentRefusal(number, target, false);
    if (refusal !== null) return fail(refusal);
    if (model.userNumbers[userIndex] !== null) return fail('Conflict');
    assign(number, target);
    model.userNumbers[userIndex] = e164;
    return ok;
  },

  disassociateFromUser(model: InventoryModel, userIndex: number): Outcome {
    const e164 = model.userNumbers[userIndex];
    if (e164 === null) return fail('NotFound');
    unassign(numberOf(model, e164!));
    model.userNumbers[userIndex] = null;
    return ok;
  },
};
