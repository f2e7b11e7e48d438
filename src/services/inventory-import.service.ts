import type { ImportAvailableNumbersBody, ImportPhoneNumbersBody, ImportResponse } from '../contract/admin.schema';
import type { PhoneNumberError } from '../contract/errors';
import { parseE164, type ParsedNumber } from '../domain/e164';
import { NumberyardError, notFound } from '../domain/numberyard-error';
import { productTypeProblem } from '../domain/phone-number-rules';
import { availableNumberRepository } from '../storage/repositories/available-number.repository';
import { organizationRepository } from '../storage/repositories/organization.repository';
import { phoneNumberRepository, type NewPhoneNumberRow } from '../storage/repositories/phone-number.repository';
import { callerActor, recordChanges } from './audit-trail';
import { isoNow, type Caller, type ServiceContext } from './service-context';

function requireAdmin(caller: Caller): void {
  if (!caller.isAdmin) throw new NumberyardError('AccessDenied', 'Only an administrator access key can load numbers');
}

/** Parses every item, collecting a PhoneNumberError per bad or repeated number instead of stopping. */
function parseAll<T extends { E164PhoneNumber: string }>(items: readonly T[]): { good: { item: T; parsed: ParsedNumber }[]; errors: PhoneNumberError[] } {
  const good: { item: T; parsed: ParsedNumber }[] = [];
  const errors: PhoneNumberError[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    try {
      const parsed = parseE164(item.E164PhoneNumber);
      if (seen.has(parsed.e164)) {
        errors.push({ PhoneNumberId: item.E164PhoneNumber, ErrorCode: 'BadRequest', ErrorMessage: 'The number appears more than once in the request' });
        continue;
      }
      seen.add(parsed.e164);
      good.push({ item, parsed });
    } catch (error) {
      if (!(error instanceof NumberyardError)) throw error;
      errors.push({ PhoneNumberId: item.E164PhoneNumber, ErrorCode: error.code, ErrorMessage: error.message });
    }
  }
  return { good, errors };
}

/**
 * Loading is idempotent by E.164: a number already in the inventory (or pool) is reported as
 * AlreadyPresent and left unchanged, so re-running an import is safe. Each call is one transaction.
 * A number is in the pool or in an inventory, never both: loading one into the other is refused
 * (Conflict) for that number, as the pool would otherwise offer a number someone already holds.
 */
export function createInventoryImportService(ctx: ServiceContext) {
  const { db, maxBindParameters } = ctx.database;

  return {
    async importOwnedNumbers(caller: Caller, body: ImportPhoneNumbersBody): Promise<ImportResponse> {
      requireAdmin(caller);
      const organizationId = body.OrganizationId ?? caller.organizationId;
      const { good, errors } = parseAll(body.PhoneNumbers);
      const now = isoNow(ctx.clock);
      const rows: NewPhoneNumberRow[] = [];
      for (const { item, parsed } of good) {
        const problem = productTypeProblem(parsed, item.ProductType);
        if (problem) {
          errors.push({ PhoneNumberId: item.E164PhoneNumber, ErrorCode: 'BadRequest', ErrorMessage: problem });
          continue;
        }
        rows.push({
          e164: parsed.e164,
          organization_id: organizationId,
          country: parsed.country,
          number_type: parsed.type,
          area_code: parsed.areaCode,
          product_type: item.ProductType,
          status: 'Unassigned',
          calling_name: null,
          calling_name_status: 'Unassigned',
          name: item.Name ?? null,
          order_id: null,
          user_id: null,
          account_id: null,
          voice_connector_id: null,
          voice_connector_group_id: null,
          sip_rule_id: null,
          associated_at: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          version: 1,
        });
      }
      const imported = await db.transaction().execute(async (trx) => {
        if (!(await organizationRepository.getById(trx, organizationId))) throw notFound(`Organization ${organizationId} not found`);
        const inPool = new Set(await availableNumberRepository.listPresent(trx, rows.map((row) => row.e164)));
        const inserted = await phoneNumberRepository.insertNew(
          trx,
          rows.filter((row) => !inPool.has(row.e164)),
          maxBindParameters,
        );
        const byE164 = new Map(rows.map((row) => [row.e164, row]));
        await recordChanges(
          trx,
          { organizationId, actor: callerActor(caller).actor },
          now,
          inserted.map((e164) => ({ operation: 'ImportPhoneNumber', resourceType: 'PhoneNumber' as const, resourceId: e164, after: { ProductType: byE164.get(e164)?.product_type } })),
        );
        // Numbers not inserted were already in an inventory: this organization's (a re-run, fine) or
        // another's, which is an error the operator must see rather than a silent skip.
        const insertedSet = new Set(inserted);
        const skipped = rows.map((r) => r.e164).filter((e164) => !insertedSet.has(e164) && !inPool.has(e164));
        const ours = new Set((await phoneNumberRepository.getManyInOrganization(trx, organizationId, skipped)).map((row) => row.e164));
        return { inserted, alreadyPresent: skipped.filter((e164) => ours.has(e164)), elsewhere: skipped.filter((e164) => !ours.has(e164)), inPool: [...inPool] };
      });
      for (const e164 of imported.elsewhere) {
        errors.push({ PhoneNumberId: e164, ErrorCode: 'Conflict', ErrorMessage: `Phone number ${e164} is in another organization's inventory` });
      }
      for (const e164 of imported.inPool) {
        errors.push({ PhoneNumberId: e164, ErrorCode: 'Conflict', ErrorMessage: `Phone number ${e164} is in the available pool; order it (CreatePhoneNumberOrder) to move it into an inventory` });
      }
      return { Imported: imported.inserted, AlreadyPresent: imported.alreadyPresent, PhoneNumberErrors: errors };
    },

    async importAvailableNumbers(caller: Caller, body: ImportAvailableNumbersBody): Promise<ImportResponse> {
      requireAdmin(caller);
      const { good, errors } = parseAll(body.PhoneNumbers);
      const now = isoNow(ctx.clock);
      const rows = good.map(({ item, parsed }) => ({
        e164: parsed.e164,
        country: parsed.country,
        number_type: parsed.type,
        area_code: parsed.areaCode,
        city: item.City ?? null,
        state: item.State ?? null,
        created_at: now,
      }));
      const imported = await db.transaction().execute(async (trx) => {
        const held = new Set(await phoneNumberRepository.listPresent(trx, rows.map((row) => row.e164)));
        const inserted = await availableNumberRepository.insertNew(
          trx,
          rows.filter((row) => !held.has(row.e164)),
          maxBindParameters,
        );
        await recordChanges(
          trx,
          callerActor(caller),
          now,
          inserted.map((e164) => ({ operation: 'ImportAvailableNumber', resourceType: 'AvailableNumber' as const, resourceId: e164 })),
        );
        return { inserted, held };
      });
      const importedSet = new Set(imported.inserted);
      for (const e164 of imported.held) {
        errors.push({ PhoneNumberId: e164, ErrorCode: 'Conflict', ErrorMessage: `Phone number ${e164} is in an inventory; only numbers nobody holds can be offered in the pool` });
      }
      return {
        Imported: imported.inserted,
        AlreadyPresent: rows.map((r) => r.e164).filter((e) => !importedSet.has(e) && !imported.held.has(e)),
        PhoneNumberErrors: errors,
      };
    },
  };
}
