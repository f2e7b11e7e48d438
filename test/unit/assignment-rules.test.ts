import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONE_NUMBER_STATUSES, PRODUCT_TYPES } from '../../src/contract/enums';
import {
  assertAssignable,
  assertProductTypeFitsTarget,
  isAssignedTo,
  TARGET_PRODUCT_TYPE,
  type AssignmentTarget,
  type TargetKind,
} from '../../src/domain/assignment-rules';
import { NumberyardError } from '../../src/domain/numberyard-error';

const KINDS: TargetKind[] = ['user', 'voiceConnector', 'voiceConnectorGroup', 'sipRule'];
const VOICE_CONNECTOR_KINDS: TargetKind[] = ['voiceConnector', 'voiceConnectorGroup'];

function thrown(fn: () => unknown): NumberyardError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NumberyardError);
    return error as NumberyardError;
  }
  throw new Error('expected a NumberyardError');
}

const id = fc.constantFrom('a', 'b', 'c');
const target: fc.Arbitrary<AssignmentTarget> = fc.oneof(
  fc.record({ kind: fc.constant('user' as const), userId: id, accountId: id }),
  fc.record({ kind: fc.constant('voiceConnector' as const), voiceConnectorId: id }),
  fc.record({ kind: fc.constant('voiceConnectorGroup' as const), voiceConnectorGroupId: id }),
  fc.record({ kind: fc.constant('sipRule' as const), sipRuleId: id }),
);
const kind = fc.constantFrom(...KINDS);
const status = fc.constantFrom(...PHONE_NUMBER_STATUSES);

describe('which product type a target takes', () => {
  it('maps users to Business Calling, connectors and groups to Voice Connector, SIP rules to SIP Media Application Dial-In', () => {
    expect(TARGET_PRODUCT_TYPE).toEqual({
      user: 'BusinessCalling',
      voiceConnector: 'VoiceConnector',
      voiceConnectorGroup: 'VoiceConnector',
      sipRule: 'SipMediaApplicationDialIn',
    });
  });

  it('refuses a number of another product type with BadRequest, naming both', () => {
    const error = thrown(() => assertProductTypeFitsTarget('+12065550100', 'BusinessCalling', 'voiceConnectorGroup'));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toBe(
      'Phone number +12065550100 has product type Business Calling; a Voice Connector group takes only Voice Connector numbers',
    );
  });

  it('accepts a number exactly when its product type is the one of the target', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRODUCT_TYPES), kind, (productType, targetKind) => {
        if (productType === TARGET_PRODUCT_TYPE[targetKind]) {
          expect(() => assertProductTypeFitsTarget('+12065550100', productType, targetKind)).not.toThrow();
        } else {
          expect(thrown(() => assertProductTypeFitsTarget('+12065550100', productType, targetKind)).code).toBe('BadRequest');
        }
      }),
    );
  });
});

describe('when a number may be assigned', () => {
  it('assigns an Unassigned number to any target, with or without ForceAssociate', () => {
    fc.assert(
      fc.property(kind, fc.boolean(), (targetKind, force) => {
        expect(() => assertAssignable('+12065550100', { status: 'Unassigned', target: null }, targetKind, force)).not.toThrow();
      }),
    );
  });

  it('refuses an assigned number without ForceAssociate, suggesting what to do', () => {
    const current = { status: 'Assigned' as const, target: { kind: 'voiceConnector' as const, voiceConnectorId: 'a' } };
    const error = thrown(() => assertAssignable('+12065550100', current, 'voiceConnectorGroup', false));
    expect(error.code).toBe('PhoneNumberAssociationsExist');
    expect(error.message).toMatch(/already assigned to a Voice Connector; unassign it first or use ForceAssociate/);
  });

  it('moves a number between connectors and groups with ForceAssociate', () => {
    for (const from of VOICE_CONNECTOR_KINDS) {
      for (const to of VOICE_CONNECTOR_KINDS) {
        const current: AssignmentTarget =
          from === 'voiceConnector' ? { kind: from, voiceConnectorId: 'a' } : { kind: 'voiceConnectorGroup', voiceConnectorGroupId: 'a' };
        expect(() => assertAssignable('+12065550100', { status: 'Assigned', target: current }, to, true)).not.toThrow();
      }
    }
  });

  it('never moves a user’s or a SIP rule’s number, even with ForceAssociate', () => {
    const fromUser = thrown(() =>
      assertAssignable('+12065550100', { status: 'Assigned', target: { kind: 'user', userId: 'u', accountId: 'a' } }, 'voiceConnector', true),
    );
    expect(fromUser.code).toBe('PhoneNumberAssociationsExist');
    // ForceAssociate could not help, so the message does not suggest it.
    expect(fromUser.message).toBe('Phone number +12065550100 is already assigned to a Business Calling user; unassign it first');
    const toRule = thrown(() =>
      assertAssignable('+12065550100', { status: 'Assigned', target: { kind: 'voiceConnector', voiceConnectorId: 'a' } }, 'sipRule', true),
    );
    expect(toRule.code).toBe('PhoneNumberAssociationsExist');
  });

  it('refuses numbers in any other status with Conflict, naming the status', () => {
    for (const other of PHONE_NUMBER_STATUSES.filter((s) => s !== 'Unassigned' && s !== 'Assigned')) {
      const error = thrown(() => assertAssignable('+12065550100', { status: other, target: null }, 'voiceConnector', true));
      expect(error.code).toBe('Conflict');
      expect(error.message).toBe(`Phone number +12065550100 is ${other} and cannot be assigned`);
    }
  });

  it('allows exactly: Unassigned numbers, and forced moves between connectors and groups', () => {
    fc.assert(
      fc.property(status, fc.option(target, { nil: null }), kind, fc.boolean(), (current, held, targetKind, force) => {
        const assign = () => assertAssignable('+12065550100', { status: current, target: held }, targetKind, force);
        const forcedMove =
          current === 'Assigned' && held !== null && force && VOICE_CONNECTOR_KINDS.includes(held.kind) && VOICE_CONNECTOR_KINDS.includes(targetKind);
        if (current === 'Unassigned' || forcedMove) {
          expect(assign).not.toThrow();
        } else {
          // An assigned number is refused as "associations exist"; every other state as a conflict.
          const error = thrown(assign);
          expect(error.code).toBe(current === 'Assigned' && held !== null ? 'PhoneNumberAssociationsExist' : 'Conflict');
          // ForceAssociate is suggested exactly when it would have allowed the move.
          const forceWouldHelp = error.code === 'PhoneNumberAssociationsExist' && VOICE_CONNECTOR_KINDS.includes(held!.kind) && VOICE_CONNECTOR_KINDS.includes(targetKind);
          expect(error.message.includes('ForceAssociate')).toBe(forceWouldHelp);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('isAssignedTo', () => {
  it('is true for the same target and false for another or none', () => {
    expect(isAssignedTo({ kind: 'voiceConnector', voiceConnectorId: 'a' }, { kind: 'voiceConnector', voiceConnectorId: 'a' })).toBe(true);
    expect(isAssignedTo({ kind: 'voiceConnector', voiceConnectorId: 'a' }, { kind: 'voiceConnector', voiceConnectorId: 'b' })).toBe(false);
    expect(isAssignedTo({ kind: 'voiceConnector', voiceConnectorId: 'a' }, { kind: 'voiceConnectorGroup', voiceConnectorGroupId: 'a' })).toBe(false);
    expect(isAssignedTo(null, { kind: 'sipRule', sipRuleId: 'a' })).toBe(false);
    expect(isAssignedTo({ kind: 'user', userId: 'u', accountId: 'x' }, { kind: 'user', userId: 'u', accountId: 'y' })).toBe(true);
  });

  it('holds exactly when kind and target id are equal', () => {
    const targetId = (t: AssignmentTarget) =>
      t.kind === 'user' ? t.userId : t.kind === 'voiceConnector' ? t.voiceConnectorId : t.kind === 'voiceConnectorGroup' ? t.voiceConnectorGroupId : t.sipRuleId;
    fc.assert(
      fc.property(fc.option(target, { nil: null }), target, (current, wanted) => {
        const same = current !== null && current.kind === wanted.kind && targetId(current) === targetId(wanted);
        expect(isAssignedTo(current, wanted)).toBe(same);
      }),
      { numRuns: 500 },
    );
  });
});
