import { assertCallingName } from '../domain/phone-number-rules';
import { notFound } from '../domain/numberyard-error';
import { organizationRepository, type OrganizationRow } from '../storage/repositories/organization.repository';
import { callerActor, recordChanges } from './audit-trail';
import { isoNow, type Caller, type ServiceContext } from './service-context';

export interface PhoneNumberSettings {
  CallingName?: string;
  CallingNameUpdatedTimestamp?: string;
}

function toWireSettings(row: OrganizationRow): PhoneNumberSettings {
  const settings: PhoneNumberSettings = {};
  if (row.default_calling_name !== null) settings.CallingName = row.default_calling_name;
  if (row.calling_name_updated_at !== null) settings.CallingNameUpdatedTimestamp = row.calling_name_updated_at;
  return settings;
}

/** The organization's default outbound calling name (Get/UpdatePhoneNumberSettings). */
export function createPhoneNumberSettingsService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    async get(caller: Caller): Promise<PhoneNumberSettings> {
      const row = await organizationRepository.getById(db, caller.organizationId);
      if (!row) throw notFound('Organization not found');
      return toWireSettings(row);
    },

    /** An empty CallingName clears it; the update time is recorded either way. */
    async update(caller: Caller, callingName: string): Promise<void> {
      assertCallingName(callingName);
      const now = isoNow(ctx.clock);
      await db.transaction().execute(async (trx) => {
        const before = await organizationRepository.getById(trx, caller.organizationId);
        const after = await organizationRepository.updateCallingName(trx, caller.organizationId, callingName === '' ? null : callingName, now);
        if (!before || !after) throw notFound('Organization not found');
        await recordChanges(trx, callerActor(caller), now, [
          { operation: 'UpdatePhoneNumberSettings', resourceType: 'Organization', resourceId: caller.organizationId, before: toWireSettings(before), after: toWireSettings(after) },
        ]);
      });
    },
  };
}

export type PhoneNumberSettingsService = ReturnType<typeof createPhoneNumberSettingsService>;
