import type { ProductType, PhoneNumberStatus } from '../contract/enums';
import { assertAssignable, assertProductTypeFitsTarget, isAssignedTo, type AssignmentTarget } from '../domain/assignment-rules';
import { conflict, notFound } from '../domain/numberyard-error';
import { assignmentOf, phoneNumberAssignmentRepository, phoneNumberRepository } from '../storage/repositories/phone-number.repository';
import { toWireUser, toWireUserView } from './account.mapper';
import { requireUser } from './account-lookup';
import { callerActor, recordChanges } from './audit-trail';
import { toWirePhoneNumber } from './phone-number.mapper';
import { isoNow, type Caller, type ServiceContext } from './service-context';
import { updateUserRequiringSignIn } from './sign-in-notice';

/**
 * AssociatePhoneNumberWithUser and DisassociatePhoneNumberFromUser (legacy chime client). A user holds
 * at most one number. Each call is one transaction that takes the number with a conditional UPDATE on
 * its version, marks the user as needing to sign in again, queues their notification and audits both.
 */
export function createUserPhoneNumberService(ctx: ServiceContext) {
  const { db } = ctx.database;
  const region = ctx.settings.region;

  return {
    /**
     * Only an Unassigned Business Calling number can be assigned. A user who already holds another
     * number is refused rather than silently losing it (Chime would replace it): unassigning is a
     * deliberate, confirmed step. Associating the number the user already holds changes nothing.
     */
    async associate(caller: Caller, accountId: string, userId: string, e164: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, caller, accountId, userId);
        const row = await phoneNumberRepository.getInOrganization(trx, caller.organizationId, e164);
        if (!row) throw notFound(`Phone number ${e164} not found`);
        const target: AssignmentTarget = { kind: 'user', userId, accountId };
        const current = assignmentOf(row);
        if (isAssignedTo(current, target)) return;
        assertProductTypeFitsTarget(row.e164, row.product_type as ProductType, 'user');
        assertAssignable(row.e164, { status: row.status as PhoneNumberStatus, target: current }, 'user', false);
        if (user.primary_provisioned_number !== null) {
          throw conflict(`User ${userId} already has phone number ${user.primary_provisioned_number}; a user has one number, so disassociate it first`);
        }
        const assigned = await phoneNumberAssignmentRepository.assign(trx, row, target, now);
        if (!assigned) throw conflict(`Phone number ${e164} was changed by another request at the same time; retry`);
        const updated = await updateUserRequiringSignIn(
          trx,
          user,
          {},
          { kind: 'PhoneNumberChanged', primaryProvisionedNumber: e164, message: `Your phone number is now ${e164}; sign in again to start using it` },
          now,
        );
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'AssociatePhoneNumberWithUser', resourceType: 'PhoneNumber', resourceId: e164, before: toWirePhoneNumber(row, region), after: toWirePhoneNumber(assigned, region, updated) },
          { operation: 'AssociatePhoneNumberWithUser', resourceType: 'User', resourceId: userId, before: toWireUserView(user), after: toWireUser(updated, e164) },
        ]);
      });
    },

    /** `expectedE164` (numberyard extension): refuse unless the user still holds exactly this number. */
    async disassociate(caller: Caller, accountId: string, userId: string, expectedE164?: string): Promise<void> {
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, caller, accountId, userId);
        const e164 = user.primary_provisioned_number;
        if (expectedE164 !== undefined && e164 !== expectedE164) {
          throw conflict(`Phone number ${expectedE164} is no longer assigned to user ${user.display_name ?? user.primary_email}; ${e164 === null ? 'they have no number now' : `they have ${e164} now`}. Nothing was unassigned`);
        }
        if (e164 === null) throw notFound(`User ${userId} has no phone number to disassociate`);
        const row = await phoneNumberRepository.getInOrganization(trx, caller.organizationId, e164);
        if (!row) throw notFound(`Phone number ${e164} not found`);
        const unassigned = await phoneNumberAssignmentRepository.unassign(trx, row, now);
        if (!unassigned) throw conflict(`Phone number ${e164} was changed by another request at the same time; retry`);
        const updated = await updateUserRequiringSignIn(
          trx,
          user,
          {},
          { kind: 'PhoneNumberChanged', primaryProvisionedNumber: null, message: `Your phone number ${e164} was removed; sign in again to apply the change` },
          now,
        );
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'DisassociatePhoneNumberFromUser', resourceType: 'PhoneNumber', resourceId: e164, before: toWirePhoneNumber(row, region, user), after: toWirePhoneNumber(unassigned, region) },
          { operation: 'DisassociatePhoneNumberFromUser', resourceType: 'User', resourceId: userId, before: toWireUserView(user), after: toWireUser(updated, null) },
        ]);
      });
    },
  };
}

export type UserPhoneNumberService = ReturnType<typeof createUserPhoneNumberService>;
