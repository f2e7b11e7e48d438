import type { Insertable } from 'kysely';
import type { PhoneNumberStatus, ProductType, SipRuleTriggerType } from '../contract/enums';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import type { CreateSipRuleBody, ListSipRulesQuery, SipRule, SipRuleTargetApplication, UpdateSipRuleBody } from '../contract/sip.schema';
import { assertAssignable, assertProductTypeFitsTarget } from '../domain/assignment-rules';
import { e164Problem, parseE164 } from '../domain/e164';
import { badRequest, conflict, notFound, type NumberyardError } from '../domain/numberyard-error';
import type { SipRuleTargetsTable } from '../storage/database-schema';
import type { Executor } from '../storage/executor';
import {
  assignmentOf,
  phoneNumberAssignmentRepository,
  phoneNumberRepository,
  type PhoneNumberRow,
} from '../storage/repositories/phone-number.repository';
import { sipMediaApplicationRepository } from '../storage/repositories/sip-media-application.repository';
import { sipRuleRepository, type SipRuleRow, type SipRuleTargetRow } from '../storage/repositories/sip-rule.repository';
import { callerActor, recordChanges, type AuditChange } from './audit-trail';
import { decodeNextToken, listScope, toPage } from './next-token';
import { toWirePhoneNumber } from './phone-number.mapper';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { assertNameNotBlank, sipMediaApplicationNotFound } from './sip-media-application.service';
import { toWireSipRule } from './sip.mapper';
import { newTimeOrderedId } from './time-ordered-id';

// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at most 253 characters.
const hostnameShape = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * A host name in the form rules store and match it: lower case (host names are case-insensitive)
 * without a trailing dot. IP addresses are not host names: the last label must not be all digits.
 */
export function parseHostname(input: string): string {
  const host = input.toLowerCase().replace(/\.$/, '');
  const lastLabel = host.slice(host.lastIndexOf('.') + 1);
  if (!hostnameShape.test(host) || /^[0-9]+$/.test(lastLabel)) {
    throw badRequest(`${JSON.stringify(input)} is not a valid host name, such as abcdef1ghij2klmno3pqr4.voiceconnector.chime.aws`);
  }
  return host;
}

/** The trigger value as stored: a normalized E.164 number or host name. */
function parseTriggerValue(type: SipRuleTriggerType, value: string): string {
  if (type === 'RequestUriHostname') return parseHostname(value);
  const problem = e164Problem(value);
  if (problem) throw badRequest(`TriggerValue ${JSON.stringify(value)} ${problem}`);
  return parseE164(value).e164;
}

function sipRuleNotFound(id: string): NumberyardError {
  return notFound(`SIP rule ${id} not found`);
}

/** Checks that need no database: one priority and one entry per application. */
function assertTargetsWellFormed(targets: readonly SipRuleTargetApplication[]): void {
  const priorities = new Set<number>();
  const applications = new Set<string>();
  for (const target of targets) {
    if (priorities.has(target.Priority)) {
      throw badRequest(`Priority ${target.Priority} is given to more than one target application; priorities must be unique within a rule`);
    }
    if (applications.has(target.SipMediaApplicationId)) {
      throw badRequest(`SIP media application ${target.SipMediaApplicationId} appears more than once in TargetApplications`);
    }
    priorities.add(target.Priority);
    applications.add(target.SipMediaApplicationId);
  }
}

export function createSipRuleService(ctx: ServiceContext) {
  const { db } = ctx.database;
  const region = ctx.settings.region;

  /** The rows to store for the targets; each must be an application of the caller in the region it names. */
  async function resolveTargets(
    trx: Executor,
    caller: Caller,
    ruleId: string,
    targets: readonly SipRuleTargetApplication[],
  ): Promise<Insertable<SipRuleTargetsTable>[]> {
    const found = await sipMediaApplicationRepository.getManyInOrganization(
      trx,
      caller.organizationId,
      targets.map((target) => target.SipMediaApplicationId),
    );
    const regionOf = new Map(found.map((row) => [row.id, row.aws_region]));
    return [...targets]
      .sort((a, b) => a.Priority - b.Priority)
      .map((target) => {
        const applicationRegion = regionOf.get(target.SipMediaApplicationId);
        if (applicationRegion === undefined) throw sipMediaApplicationNotFound(target.SipMediaApplicationId);
        if (applicationRegion !== target.AwsRegion) {
          throw badRequest(`SIP media application ${target.SipMediaApplicationId} is in ${applicationRegion}, not ${target.AwsRegion}`);
        }
        return { sip_rule_id: ruleId, sip_media_application_id: target.SipMediaApplicationId, priority: target.Priority, aws_region: target.AwsRegion };
      });
  }

  async function getRow(trx: Executor, caller: Caller, id: string): Promise<SipRuleRow> {
    const row = await sipRuleRepository.getInOrganization(trx, caller.organizationId, id);
    if (!row) throw sipRuleNotFound(id);
    return row;
  }

  /** The number a ToPhoneNumber rule is to take: the caller's, SIP Media Application Dial-In and Unassigned. */
  async function numberToAssign(trx: Executor, caller: Caller, e164: string): Promise<PhoneNumberRow> {
    const number = await phoneNumberRepository.getInOrganization(trx, caller.organizationId, e164);
    if (!number) throw notFound(`Phone number ${e164} is not in your inventory`);
    assertProductTypeFitsTarget(e164, number.product_type as ProductType, 'sipRule');
    assertAssignable(e164, { status: number.status as PhoneNumberStatus, target: assignmentOf(number) }, 'sipRule', false);
    return number;
  }

  return {
    /**
     * A ToPhoneNumber rule assigns its number in the same transaction that inserts the rule. The
     * assignment is a conditional UPDATE on the version read here, and the trigger is unique per
     * organization, so of two racing creations for one number exactly one commits.
     */
    async create(caller: Caller, body: CreateSipRuleBody): Promise<SipRule> {
      assertNameNotBlank(body.Name);
      const triggerValue = parseTriggerValue(body.TriggerType, body.TriggerValue);
      assertTargetsWellFormed(body.TargetApplications);
      const now = isoNow(ctx.clock);
      return db.transaction().execute(async (trx) => {
        const id = newTimeOrderedId(ctx.clock);
        const targets = await resolveTargets(trx, caller, id, body.TargetApplications);
        const number = body.TriggerType === 'ToPhoneNumber' ? await numberToAssign(trx, caller, triggerValue) : undefined;
        const rule = await sipRuleRepository.insert(trx, {
          id,
          organization_id: caller.organizationId,
          name: body.Name,
          trigger_type: body.TriggerType,
          trigger_value: triggerValue,
          disabled: body.Disabled ? 1 : 0,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await sipRuleRepository.replaceTargets(trx, id, targets);
        const wire = toWireSipRule(rule, targets);
        const changes: AuditChange[] = [{ operation: 'CreateSipRule', resourceType: 'SipRule', resourceId: id, after: wire }];
        if (number) {
          const assigned = await phoneNumberAssignmentRepository.assign(trx, number, { kind: 'sipRule', sipRuleId: id }, now);
          if (!assigned) throw conflict(`Phone number ${number.e164} was changed by another request at the same time; retry`);
          changes.push({
            operation: 'CreateSipRule',
            resourceType: 'PhoneNumber',
            resourceId: number.e164,
            before: toWirePhoneNumber(number, region),
            after: toWirePhoneNumber(assigned, region),
          });
        }
        await recordChanges(trx, callerActor(caller), now, changes);
        return wire;
      });
    },

    async get(caller: Caller, id: string): Promise<SipRule> {
      const row = await getRow(db, caller, id);
      return toWireSipRule(row, await sipRuleRepository.listTargets(db, [id]));
    },

    async list(caller: Caller, query: ListSipRulesQuery): Promise<{ SipRules: SipRule[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const applicationId = query['sip-media-application'];
      if (applicationId !== undefined && !(await sipMediaApplicationRepository.getInOrganization(db, caller.organizationId, applicationId))) {
        throw sipMediaApplicationNotFound(applicationId);
      }
      const scope = listScope('ListSipRules', { 'sip-media-application': applicationId });
      const rows = await sipRuleRepository.listPage(
        db,
        caller.organizationId,
        { sipMediaApplicationId: applicationId },
        decodeNextToken(query['next-token'], scope),
        limit,
      );
      const page = toPage(rows, limit, (row) => row.id, scope);
      const targetsOf = new Map<string, SipRuleTargetRow[]>();
      for (const target of await sipRuleRepository.listTargets(db, page.items.map((row) => row.id))) {
        const ofRule = targetsOf.get(target.sip_rule_id);
        if (ofRule) ofRule.push(target);
        else targetsOf.set(target.sip_rule_id, [target]);
      }
      const result: { SipRules: SipRule[]; NextToken?: string } = {
        SipRules: page.items.map((row) => toWireSipRule(row, targetsOf.get(row.id) ?? [])),
      };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    /** Name is required (as in the Chime model); Disabled and TargetApplications change only when given. */
    async update(caller: Caller, id: string, body: UpdateSipRuleBody): Promise<SipRule> {
      assertNameNotBlank(body.Name);
      if (body.TargetApplications) assertTargetsWellFormed(body.TargetApplications);
      const now = isoNow(ctx.clock);
      return db.transaction().execute(async (trx) => {
        const row = await getRow(trx, caller, id);
        const before = toWireSipRule(row, await sipRuleRepository.listTargets(trx, [id]));
        const targets = body.TargetApplications && (await resolveTargets(trx, caller, id, body.TargetApplications));
        const updated = await sipRuleRepository.updateIfVersion(trx, caller.organizationId, id, row.version, {
          name: body.Name,
          ...(body.Disabled !== undefined && { disabled: body.Disabled ? 1 : 0 }),
          updated_at: now,
        });
        if (!updated) throw conflict(`SIP rule ${id} was changed by another request at the same time; retry`);
        if (targets) await sipRuleRepository.replaceTargets(trx, id, targets);
        const after = toWireSipRule(updated, targets ?? (await sipRuleRepository.listTargets(trx, [id])));
        await recordChanges(trx, callerActor(caller), now, [{ operation: 'UpdateSipRule', resourceType: 'SipRule', resourceId: id, before, after }]);
        return after;
      });
    },

    /**
     * "You must disable SIP rules before you can delete them." Deleting a ToPhoneNumber rule gives its
     * number back (Unassigned) in the same transaction; the rule itself is gone for good.
     */
    async delete(caller: Caller, id: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const row = await getRow(trx, caller, id);
        if (row.disabled !== 1) {
          throw conflict(`SIP rule ${id} is enabled; disable it first (UpdateSipRule with Disabled set to true), then delete it`);
        }
        const before = toWireSipRule(row, await sipRuleRepository.listTargets(trx, [id]));
        const changes: AuditChange[] = [];
        for (const number of await phoneNumberAssignmentRepository.listAssignedTo(trx, caller.organizationId, { kind: 'sipRule', sipRuleId: id })) {
          const unassigned = await phoneNumberAssignmentRepository.unassign(trx, number, now);
          if (!unassigned) throw conflict(`Phone number ${number.e164} was changed by another request at the same time; retry`);
          changes.push({
            operation: 'DeleteSipRule',
            resourceType: 'PhoneNumber',
            resourceId: number.e164,
            before: toWirePhoneNumber(number, region),
            after: toWirePhoneNumber(unassigned, region),
          });
        }
        if (!(await sipRuleRepository.deleteIfDisabled(trx, caller.organizationId, id, row.version))) {
          throw conflict(`SIP rule ${id} was changed by another request at the same time; retry`);
        }
        changes.push({ operation: 'DeleteSipRule', resourceType: 'SipRule', resourceId: id, before });
        await recordChanges(trx, callerActor(caller), now, changes);
      });
    },
  };
}

export type SipRuleService = ReturnType<typeof createSipRuleService>;
