// Associates phone numbers with Voice Connectors and groups, and disassociates them: up to 1,000
// numbers per call, read in one query, decided in memory, applied in one transaction.
import type { PhoneNumberStatus, ProductType } from '../contract/enums';
import type { PhoneNumberError } from '../contract/errors';
import { assertAssignable, assertProductTypeFitsTarget, isAssignedTo, TARGET_LABEL, type AssignmentTarget } from '../domain/assignment-rules';
import { NumberyardError, badRequest } from '../domain/numberyard-error';
import type { Executor } from '../storage/executor';
import {
  assignmentOf,
  phoneNumberAssignmentRepository,
  phoneNumberRepository,
  type PhoneNumberRow,
} from '../storage/repositories/phone-number.repository';
import { voiceConnectorGroupRepository } from '../storage/repositories/voice-connector-group.repository';
import { voiceConnectorRepository } from '../storage/repositories/voice-connector.repository';
import { callerActor, recordChanges, type AuditChange } from './audit-trail';
import { toWirePhoneNumber } from './phone-number.mapper';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { voiceConnectorGroupNotFound } from './voice-connector-group.service';
import { voiceConnectorNotFound } from './voice-connector.service';

export type VoiceTarget = Extract<AssignmentTarget, { kind: 'voiceConnector' | 'voiceConnectorGroup' }>;

const OPERATIONS = {
  voiceConnector: { associate: 'AssociatePhoneNumbersWithVoiceConnector', disassociate: 'DisassociatePhoneNumbersFromVoiceConnector' },
  voiceConnectorGroup: { associate: 'AssociatePhoneNumbersWithVoiceConnectorGroup', disassociate: 'DisassociatePhoneNumbersFromVoiceConnectorGroup' },
} as const;

function targetName(target: VoiceTarget): string {
  return target.kind === 'voiceConnector' ? `Voice Connector ${target.voiceConnectorId}` : `Voice Connector group ${target.voiceConnectorGroupId}`;
}

function assertNoDuplicates(e164s: readonly string[]): void {
  const seen = new Set<string>();
  for (const e164 of e164s) {
    if (seen.has(e164)) throw badRequest(`Phone number ${e164} appears more than once in E164PhoneNumbers; each phone number may appear once`);
    seen.add(e164);
  }
}

/**
 * Takes the target's row for the transaction, so that a racing delete of the connector or group
 * waits for this call (and then finds the numbers). An unknown target fails the whole call.
 */
async function holdTarget(trx: Executor, caller: Caller, target: VoiceTarget): Promise<void> {
  if (target.kind === 'voiceConnector') {
    if (!(await voiceConnectorRepository.holdInOrganization(trx, caller.organizationId, target.voiceConnectorId))) {
      throw voiceConnectorNotFound(target.voiceConnectorId);
    }
  } else if (!(await voiceConnectorGroupRepository.holdInOrganization(trx, caller.organizationId, target.voiceConnectorGroupId))) {
    throw voiceConnectorGroupNotFound(target.voiceConnectorGroupId);
  }
}

/** Per-number failures of one call, reported in the order of the request. */
class NumberErrors {
  private readonly byNumber = new Map<string, PhoneNumberError>();

  add(e164: string, error: NumberyardError): void {
    this.byNumber.set(e164, { PhoneNumberId: e164, ErrorCode: error.code, ErrorMessage: error.message });
  }

  inOrderOf(e164s: readonly string[]): PhoneNumberError[] {
    return e164s.flatMap((e164) => this.byNumber.get(e164) ?? []);
  }
}

/** A rule check of one number: its failure becomes that number's error rather than the call's. */
function check(errors: NumberErrors, e164: string, rule: () => void): boolean {
  try {
    rule();
    return true;
  } catch (error) {
    if (!(error instanceof NumberyardError)) throw error;
    errors.add(e164, error);
    return false;
  }
}

export function createVoiceConnectorAssociationService(ctx: ServiceContext) {
  const { db } = ctx.database;
  const region = ctx.settings.region;

  /**
   * The shared shape of both directions: hold the target, read every number in one query, let
   * `decide` pick the numbers to change (recording refusals), then change each with a conditional
   * UPDATE on the version read. A number changed by a racing request meanwhile gets a Conflict of
   * its own; no number's failure undoes another's change. Rows are written in E.164 order so that
   * two overlapping calls take row locks in the same order and cannot deadlock.
   */
  async function run(
    caller: Caller,
    target: VoiceTarget,
    e164s: readonly string[],
    operation: string,
    decide: (row: PhoneNumberRow, errors: NumberErrors) => boolean,
    write: (trx: Executor, row: PhoneNumberRow, now: string) => Promise<PhoneNumberRow | undefined>,
  ): Promise<PhoneNumberError[]> {
    assertNoDuplicates(e164s);
    const now = isoNow(ctx.clock);
    const errors = new NumberErrors();
    await db.transaction().execute(async (trx) => {
      await holdTarget(trx, caller, target);
      const rows = new Map((await phoneNumberRepository.getManyInOrganization(trx, caller.organizationId, e164s)).map((row) => [row.e164, row]));
      const planned: PhoneNumberRow[] = [];
      for (const e164 of e164s) {
        const row = rows.get(e164);
        if (!row) errors.add(e164, new NumberyardError('NotFound', `Phone number ${e164} not found`));
        else if (decide(row, errors)) planned.push(row);
      }
      planned.sort((a, b) => (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0));
      const changes: AuditChange[] = [];
      for (const row of planned) {
        const updated = await write(trx, row, now);
        if (!updated) {
          errors.add(row.e164, new NumberyardError('Conflict', `Phone number ${row.e164} was changed by another request at the same time; retry`));
          continue;
        }
        changes.push({ operation, resourceType: 'PhoneNumber', resourceId: row.e164, before: toWirePhoneNumber(row, region), after: toWirePhoneNumber(updated, region) });
      }
      await recordChanges(trx, callerActor(caller), now, changes);
    });
    return errors.inOrderOf(e164s);
  }

  return {
    /**
     * Assigns Voice Connector numbers to the target. A number already on it is left as it is. With
     * `force`, a number on another connector or group moves over in the same single UPDATE (never
     * unassigned in between); numbers held by a user or a SIP rule are never moved.
     */
    async associate(caller: Caller, target: VoiceTarget, e164s: readonly string[], force: boolean): Promise<PhoneNumberError[]> {
      return run(
        caller,
        target,
        e164s,
        OPERATIONS[target.kind].associate,
        (row, errors) => {
          const current = assignmentOf(row);
          if (isAssignedTo(current, target)) return false;
          return check(errors, row.e164, () => {
            assertProductTypeFitsTarget(row.e164, row.product_type as ProductType, target.kind);
            assertAssignable(row.e164, { status: row.status as PhoneNumberStatus, target: current }, target.kind, force);
          });
        },
        (trx, row, now) => phoneNumberAssignmentRepository.assign(trx, row, target, now),
      );
    },

    /** Unassigns numbers from the target; a number that is not on it gets an error of its own. */
    async disassociate(caller: Caller, target: VoiceTarget, e164s: readonly string[]): Promise<PhoneNumberError[]> {
      return run(
        caller,
        target,
        e164s,
        OPERATIONS[target.kind].disassociate,
        (row, errors) =>
          check(errors, row.e164, () => {
            const current = assignmentOf(row);
            if (!isAssignedTo(current, target)) {
              const where = current ? `is assigned to ${TARGET_LABEL[current.kind]} instead` : 'is not assigned';
              throw badRequest(`Phone number ${row.e164} is not associated with ${targetName(target)}; it ${where}`);
            }
          }),
        (trx, row, now) => phoneNumberAssignmentRepository.unassign(trx, row, now),
      );
    },
  };
}

export type VoiceConnectorAssociationService = ReturnType<typeof createVoiceConnectorAssociationService>;
