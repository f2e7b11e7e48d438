import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import {
  LAMBDA_FUNCTION_ARN_PATTERN,
  type CreateSipMediaApplicationBody,
  type ListSipMediaApplicationsQuery,
  type SipMediaApplication,
  type UpdateSipMediaApplicationBody,
} from '../contract/sip.schema';
import { badRequest, conflict, notFound, type NumberyardError } from '../domain/numberyard-error';
import { sipMediaApplicationRepository } from '../storage/repositories/sip-media-application.repository';
import { sipRuleRepository } from '../storage/repositories/sip-rule.repository';
import { callerActor, recordChanges } from './audit-trail';
import { decodeNextToken, listScope, toPage } from './next-token';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { toWireSipMediaApplication } from './sip.mapper';
import { newTimeOrderedId } from './time-ordered-id';

const lambdaArnShape = new RegExp(LAMBDA_FUNCTION_ARN_PATTERN);

export function sipMediaApplicationNotFound(id: string): NumberyardError {
  return notFound(`SIP media application ${id} not found`);
}

/** A name must say something: blank names are refused as well as empty ones. */
export function assertNameNotBlank(name: string): void {
  if (name.trim() === '') throw badRequest('Name must not be blank');
}

/** Each endpoint must be a Lambda function ARN in the application's own region. */
function assertEndpoints(endpoints: SipMediaApplication['Endpoints'], region: string): void {
  for (const { LambdaArn } of endpoints) {
    const match = lambdaArnShape.exec(LambdaArn);
    if (!match) {
      throw badRequest(
        `LambdaArn ${JSON.stringify(LambdaArn)} is not an AWS Lambda function ARN; expected arn:aws:lambda:<region>:<12-digit account>:function:<name>`,
      );
    }
    if (match[1] !== region) {
      throw badRequest(`LambdaArn ${LambdaArn} is in ${match[1]}; it must be in the region of the SIP media application, ${region}`);
    }
  }
}

function assertUniqueTagKeys(tags: readonly { Key: string }[]): void {
  const seen = new Set<string>();
  for (const { Key } of tags) {
    if (seen.has(Key)) throw badRequest(`Tag key ${JSON.stringify(Key)} appears more than once`);
    seen.add(Key);
  }
}

export function createSipMediaApplicationService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    /** Tags are checked and kept in the audit trail only: no operation in numberyard reads them back. */
    async create(caller: Caller, body: CreateSipMediaApplicationBody): Promise<SipMediaApplication> {
      assertNameNotBlank(body.Name);
      assertEndpoints(body.Endpoints, body.AwsRegion);
      assertUniqueTagKeys(body.Tags ?? []);
      const now = isoNow(ctx.clock);
      const row = await db.transaction().execute(async (trx) => {
        const created = await sipMediaApplicationRepository.insert(trx, {
          id: newTimeOrderedId(ctx.clock),
          organization_id: caller.organizationId,
          name: body.Name,
          aws_region: body.AwsRegion,
          endpoints: JSON.stringify(body.Endpoints.map(({ LambdaArn }) => ({ LambdaArn }))),
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await recordChanges(trx, callerActor(caller), now, [
          {
            operation: 'CreateSipMediaApplication',
            resourceType: 'SipMediaApplication',
            resourceId: created.id,
            after: { ...toWireSipMediaApplication(created), Tags: body.Tags ?? [] },
          },
        ]);
        return created;
      });
      return toWireSipMediaApplication(row);
    },

    async get(caller: Caller, id: string): Promise<SipMediaApplication> {
      const row = await sipMediaApplicationRepository.getInOrganization(db, caller.organizationId, id);
      if (!row) throw sipMediaApplicationNotFound(id);
      return toWireSipMediaApplication(row);
    },

    async list(caller: Caller, query: ListSipMediaApplicationsQuery): Promise<{ SipMediaApplications: SipMediaApplication[]; NextToken?: string }> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const scope = listScope('ListSipMediaApplications');
      const rows = await sipMediaApplicationRepository.listPage(db, caller.organizationId, decodeNextToken(query['next-token'], scope), limit);
      const page = toPage(rows, limit, (row) => row.id, scope);
      const result: { SipMediaApplications: SipMediaApplication[]; NextToken?: string } = {
        SipMediaApplications: page.items.map(toWireSipMediaApplication),
      };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    async update(caller: Caller, id: string, body: UpdateSipMediaApplicationBody): Promise<SipMediaApplication> {
      if (body.Name === undefined && body.Endpoints === undefined) throw badRequest('Specify Name or Endpoints to update');
      if (body.Name !== undefined) assertNameNotBlank(body.Name);
      const now = isoNow(ctx.clock);
      const updated = await db.transaction().execute(async (trx) => {
        const row = await sipMediaApplicationRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw sipMediaApplicationNotFound(id);
        if (body.Endpoints) assertEndpoints(body.Endpoints, row.aws_region);
        const changed = await sipMediaApplicationRepository.updateIfVersion(trx, caller.organizationId, id, row.version, {
          ...(body.Name !== undefined && { name: body.Name }),
          ...(body.Endpoints && { endpoints: JSON.stringify(body.Endpoints.map(({ LambdaArn }) => ({ LambdaArn }))) }),
          updated_at: now,
        });
        if (!changed) throw conflict(`SIP media application ${id} was changed by another request at the same time; retry`);
        await recordChanges(trx, callerActor(caller), now, [
          {
            operation: 'UpdateSipMediaApplication',
            resourceType: 'SipMediaApplication',
            resourceId: id,
            before: toWireSipMediaApplication(row),
            after: toWireSipMediaApplication(changed),
          },
        ]);
        return changed;
      });
      return toWireSipMediaApplication(updated);
    },

    /** Refused while a SIP rule targets the application: calls through that rule would have nowhere to go. */
    async delete(caller: Caller, id: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const row = await sipMediaApplicationRepository.getInOrganization(trx, caller.organizationId, id);
        if (!row) throw sipMediaApplicationNotFound(id);
        const rules = await sipRuleRepository.listIdsTargeting(trx, caller.organizationId, id, 5);
        if (rules.length > 0) {
          throw conflict(
            `SIP media application ${id} is a target of SIP rule${rules.length > 1 ? 's' : ''} ${rules.join(', ')}${rules.length === 5 ? ' and maybe others' : ''}; ` +
              'remove it from those rules (UpdateSipRule) or delete them first',
          );
        }
        if (!(await sipMediaApplicationRepository.deleteIfVersion(trx, caller.organizationId, id, row.version))) {
          throw conflict(`SIP media application ${id} was changed by another request at the same time; retry`);
        }
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'DeleteSipMediaApplication', resourceType: 'SipMediaApplication', resourceId: id, before: toWireSipMediaApplication(row) },
        ]);
      });
    },
  };
}

export type SipMediaApplicationService = ReturnType<typeof createSipMediaApplicationService>;
