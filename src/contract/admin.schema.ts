// numberyard's own administration routes (not part of the Chime API): loading numbers the operator
// already owns into an organization's inventory, and numbers it can sell into the available pool.
import { Type, type Static } from 'typebox';
import { PRODUCT_TYPES } from './enums';
import { BATCH_MAX_ITEMS, NAME_MAX_LENGTH } from './limits';
import { StringEnum } from './schema-helpers';

export const ImportPhoneNumbersBody = Type.Object({
  /** The organization whose inventory receives the numbers; the caller's own when left out. */
  OrganizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  PhoneNumbers: Type.Array(
    Type.Object({
      E164PhoneNumber: Type.String({ minLength: 1, maxLength: 32 }),
      ProductType: StringEnum(PRODUCT_TYPES),
      Name: Type.Optional(Type.String({ maxLength: NAME_MAX_LENGTH })),
    }),
    { minItems: 1, maxItems: BATCH_MAX_ITEMS },
  ),
});
export type ImportPhoneNumbersBody = Static<typeof ImportPhoneNumbersBody>;

export const ImportAvailableNumbersBody = Type.Object({
  PhoneNumbers: Type.Array(
    Type.Object({
      E164PhoneNumber: Type.String({ minLength: 1, maxLength: 32 }),
      City: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      State: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    }),
    { minItems: 1, maxItems: BATCH_MAX_ITEMS },
  ),
});
export type ImportAvailableNumbersBody = Static<typeof ImportAvailableNumbersBody>;

export const ImportResponse = Type.Object({
  /** Numbers added by this call. */
  Imported: Type.Array(Type.String()),
  /** Numbers that were already there (a re-run of the same import changes nothing). */
  AlreadyPresent: Type.Array(Type.String()),
  PhoneNumberErrors: Type.Array(Type.Object({ PhoneNumberId: Type.String(), ErrorCode: Type.String(), ErrorMessage: Type.String() })),
});
export type ImportResponse = Static<typeof ImportResponse>;
