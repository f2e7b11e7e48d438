import type { HistoryEvent, PhoneNumberHistoryQuery, PhoneNumberHistoryResponse } from '../contract/extensions.schema';
import { LIST_DEFAULT_RESULTS } from '../contract/limits';
import { notFound } from '../domain/numberyard-error';
import { auditEventRepository, type AuditEventRow } from '../storage/repositories/audit-event.repository';
import { phoneNumberRepository } from '../storage/repositories/phone-number.repository';
import { decodeIntegerNextToken, listScope, toPage } from './next-token';
import type { Caller, ServiceContext } from './service-context';

function toHistoryEvent(row: AuditEventRow): HistoryEvent {
  const event: HistoryEvent = { EventId: String(row.id), Timestamp: row.created_at, Actor: row.actor, Operation: row.operation };
  if (row.before !== null) event.Before = JSON.parse(row.before);
  if (row.after !== null) event.After = JSON.parse(row.after);
  return event;
}

/** numberyard's extension: every recorded change of one phone number, oldest first. */
export function createPhoneNumberHistoryService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    async list(caller: Caller, phoneNumberId: string, query: PhoneNumberHistoryQuery): Promise<PhoneNumberHistoryResponse> {
      const limit = query['max-results'] ?? LIST_DEFAULT_RESULTS;
      const scope = listScope('ListPhoneNumberHistory', { PhoneNumberId: phoneNumberId });
      // The position is the last event id.
      const after = decodeIntegerNextToken(query['next-token'], scope);
      if (!(await phoneNumberRepository.getInOrganization(db, caller.organizationId, phoneNumberId))) {
        throw notFound(`Phone number ${phoneNumberId} not found`);
      }
      const rows = await auditEventRepository.listForResource(db, caller.organizationId, 'PhoneNumber', phoneNumberId, after, limit + 1);
      const page = toPage(rows, limit, (row) => String(row.id), scope);
      const result: PhoneNumberHistoryResponse = { Events: page.items.map(toHistoryEvent) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },
  };
}

export type PhoneNumberHistoryService = ReturnType<typeof createPhoneNumberHistoryService>;
