import type { Executor } from '../storage/executor';
import { auditEventRepository } from '../storage/repositories/audit-event.repository';
import type { Caller } from './service-context';

export interface AuditChange {
  operation: string;
  resourceType: 'PhoneNumber' | 'PhoneNumberOrder' | 'Organization' | 'AccessKey' | 'ConsoleUser' | 'AvailableNumber' | 'Account' | 'User'
    | 'VoiceConnector' | 'VoiceConnectorGroup' | 'SipMediaApplication' | 'SipRule';
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

/** The actor recorded for changes made by background jobs rather than by a caller. */
export const SYSTEM_ACTOR = 'system';

/**
 * Writes audit events in the caller's transaction, so that a change and its record commit or roll
 * back together. `before`/`after` are stored as JSON snapshots of the changed resource.
 */
export async function recordChanges(
  trx: Executor,
  actor: { organizationId: string | null; actor: string },
  now: string,
  changes: readonly AuditChange[],
): Promise<void> {
  await auditEventRepository.insertMany(
    trx,
    changes.map((change) => ({
      organization_id: actor.organizationId,
      actor: actor.actor,
      operation: change.operation,
      resource_type: change.resourceType,
      resource_id: change.resourceId,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
      created_at: now,
    })),
  );
}

export function callerActor(caller: Caller): { organizationId: string; actor: string } {
  return { organizationId: caller.organizationId, actor: caller.accessKeyId };
}
