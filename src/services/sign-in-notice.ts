// "A changed number or permission takes effect for the user only after they sign in again": every
// such change marks the user as needing to sign in and queues a notification telling them so, in the
// transaction of the change itself (the notification table is an outbox a deliverer drains later).
import type { Updateable } from 'kysely';
import type { UserNotificationPayload } from '../contract/account.schema';
import type { UserNotificationKind } from '../contract/enums';
import { conflict } from '../domain/numberyard-error';
import type { UsersTable } from '../storage/database-schema';
import type { Executor } from '../storage/executor';
import { userNotificationRepository } from '../storage/repositories/user-notification.repository';
import { userRepository, type UserRow } from '../storage/repositories/user.repository';
import { telephonyOf } from './account.mapper';

export interface SignInNotice {
  kind: UserNotificationKind;
  /** The user's number after the change; null when they have none. */
  primaryProvisionedNumber: string | null;
  message: string;
}

/**
 * Applies `changes` to the user (only if nobody changed it meanwhile), marks it as needing to sign in
 * again and queues `notice`. An earlier pending mark keeps its time: the user has needed to sign in since then.
 */
export async function updateUserRequiringSignIn(
  trx: Executor,
  user: UserRow,
  changes: Updateable<UsersTable>,
  notice: SignInNotice,
  now: string,
): Promise<UserRow> {
  const updated = await userRepository.updateIfVersion(trx, user.organization_id, user.id, user.version, {
    ...changes,
    sign_in_required_at: user.sign_in_required_at ?? now,
    updated_at: now,
  });
  if (!updated) throw conflict(`User ${user.id} was changed by another request at the same time; retry`);
  const payload: UserNotificationPayload = {
    AccountId: updated.account_id,
    UserId: updated.id,
    Telephony: telephonyOf(updated),
    Message: notice.message,
  };
  if (notice.primaryProvisionedNumber !== null) payload.PrimaryProvisionedNumber = notice.primaryProvisionedNumber;
  await userNotificationRepository.insert(trx, {
    organization_id: updated.organization_id,
    user_id: updated.id,
    kind: notice.kind,
    payload: JSON.stringify(payload),
    created_at: now,
    delivered_at: null,
    attempts: 0,
  });
  return updated;
}
