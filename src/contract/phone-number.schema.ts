// Wire shapes of the phone-number operations (both @aws-sdk/client-chime and client-chime-sdk-voice).
import { Type, type Static } from 'typebox';
import {
  ASSOCIATION_NAMES,
  CALLING_NAME_STATUSES,
  ORDERED_NUMBER_STATUSES,
  ORDER_STATUSES,
  ORDER_TYPES,
  PHONE_NUMBER_STATUSES,
  PORTING_PHONE_NUMBER_STATUSES,
  PHONE_NUMBER_TYPES,
  PRODUCT_TYPES,
  SORT_ORDERS,
} from './enums';
import { BATCH_MAX_ITEMS, LIST_MAX_RESULTS, NAME_MAX_LENGTH, ORDER_MAX_NUMBERS, SEARCH_MAX_RESULTS } from './limits';
import { IdParam, MaxResults, NextToken, StringEnum, Timestamp } from './schema-helpers';

export const PhoneNumberCapabilities = Type.Object({
  InboundCall: Type.Boolean(),
  OutboundCall: Type.Boolean(),
  InboundSMS: Type.Boolean(),
  OutboundSMS: Type.Boolean(),
  InboundMMS: Type.Boolean(),
  OutboundMMS: Type.Boolean(),
});

export const PhoneNumberAssociation = Type.Object({
  Value: Type.String(),
  Name: StringEnum(ASSOCIATION_NAMES),
  AssociatedTimestamp: Timestamp,
});

export const PhoneNumber = Type.Object({
  PhoneNumberId: Type.String(),
  E164PhoneNumber: Type.String(),
  PhoneNumberArn: Type.String(),
  Country: Type.String(),
  Type: StringEnum(PHONE_NUMBER_TYPES),
  ProductType: StringEnum(PRODUCT_TYPES),
  Status: StringEnum(PHONE_NUMBER_STATUSES),
  Capabilities: PhoneNumberCapabilities,
  Associations: Type.Array(PhoneNumberAssociation),
  CallingName: Type.Optional(Type.String()),
  CallingNameStatus: StringEnum(CALLING_NAME_STATUSES),
  CreatedTimestamp: Timestamp,
  UpdatedTimestamp: Timestamp,
  DeletionTimestamp: Type.Optional(Timestamp),
  OrderId: Type.Optional(Type.String()),
  Name: Type.Optional(Type.String()),
  /** numberyard extension, on numbers of a Business Calling user: a change awaits the user's next sign-in. */
  SignInRequired: Type.Optional(Type.Boolean()),
  SignInRequiredSince: Type.Optional(Timestamp),
});
export type PhoneNumber = Static<typeof PhoneNumber>;

export const PhoneNumberError = Type.Object({
  PhoneNumberId: Type.String(),
  ErrorCode: Type.String(),
  ErrorMessage: Type.String(),
});

export const PhoneNumberErrorsResponse = Type.Object({ PhoneNumberErrors: Type.Array(PhoneNumberError) });

export const PhoneNumberIdParams = Type.Object({ PhoneNumberId: IdParam });

/** FilterName values: the voice client sends the first three, the legacy client also AccountId and UserId. */
export const ListPhoneNumbersQuery = Type.Object({
  status: Type.Optional(StringEnum([...PHONE_NUMBER_STATUSES, ...PORTING_PHONE_NUMBER_STATUSES])),
  'product-type': Type.Optional(StringEnum(PRODUCT_TYPES)),
  'filter-name': Type.Optional(StringEnum(ASSOCIATION_NAMES)),
  'filter-value': Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
  // numberyard extensions (the AWS SDKs never send them): filter by country and number prefix, and sort
  // either way over E.164. A NextToken is only valid with the sort order it was issued for.
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code, such as US' })),
  'number-prefix': Type.Optional(Type.String({ pattern: '^\\+[0-9]{1,15}$', description: "Numbers starting with '+' and these digits, such as +1206" })),
  'sort-order': Type.Optional(StringEnum(SORT_ORDERS)),
});
export type ListPhoneNumbersQuery = Static<typeof ListPhoneNumbersQuery>;

export const ListPhoneNumbersResponse = Type.Object({
  PhoneNumbers: Type.Array(PhoneNumber),
  NextToken: Type.Optional(Type.String()),
});

// The 2-15 characters rule is checked by the domain (assertCallingName) alone, so that a batch reports a
// bad calling name in that item's PhoneNumberErrors whether it is too short or too long.
const CallingNameField = Type.String({ description: 'Letters, digits and spaces, 2-15 characters; empty clears it' });
const NameField = Type.String({ maxLength: NAME_MAX_LENGTH });

export const UpdatePhoneNumberBody = Type.Object({
  ProductType: Type.Optional(StringEnum(PRODUCT_TYPES)),
  CallingName: Type.Optional(CallingNameField),
  Name: Type.Optional(NameField),
});
export type UpdatePhoneNumberBody = Static<typeof UpdatePhoneNumberBody>;

export const PhoneNumberResponse = Type.Object({ PhoneNumber });

export const UpdatePhoneNumberRequestItem = Type.Object({
  PhoneNumberId: Type.String({ minLength: 1, maxLength: 64 }),
  ProductType: Type.Optional(StringEnum(PRODUCT_TYPES)),
  CallingName: Type.Optional(CallingNameField),
  Name: Type.Optional(NameField),
});

export const BatchUpdatePhoneNumberBody = Type.Object({
  UpdatePhoneNumberRequestItems: Type.Array(UpdatePhoneNumberRequestItem, { minItems: 1, maxItems: BATCH_MAX_ITEMS }),
});
export type BatchUpdatePhoneNumberBody = Static<typeof BatchUpdatePhoneNumberBody>;

export const BatchDeletePhoneNumberBody = Type.Object({
  PhoneNumberIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: BATCH_MAX_ITEMS }),
});

export const SearchAvailablePhoneNumbersQuery = Type.Object({
  type: Type.Literal('phone-numbers'),
  'area-code': Type.Optional(Type.String({ pattern: '^[0-9]{3}$' })),
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  state: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  'toll-free-prefix': Type.Optional(Type.String({ pattern: '^8[0-9]{2}$' })),
  'phone-number-type': Type.Optional(StringEnum(PHONE_NUMBER_TYPES)),
  'max-results': Type.Optional(MaxResults(SEARCH_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type SearchAvailablePhoneNumbersQuery = Static<typeof SearchAvailablePhoneNumbersQuery>;

export const SearchAvailablePhoneNumbersResponse = Type.Object({
  E164PhoneNumbers: Type.Array(Type.String()),
  NextToken: Type.Optional(Type.String()),
});

export const OrderedPhoneNumber = Type.Object({
  E164PhoneNumber: Type.String(),
  Status: StringEnum(ORDERED_NUMBER_STATUSES),
});

export const PhoneNumberOrder = Type.Object({
  PhoneNumberOrderId: Type.String(),
  ProductType: StringEnum(PRODUCT_TYPES),
  Status: StringEnum(ORDER_STATUSES),
  OrderType: StringEnum(ORDER_TYPES),
  OrderedPhoneNumbers: Type.Array(OrderedPhoneNumber),
  CreatedTimestamp: Timestamp,
  UpdatedTimestamp: Timestamp,
});
export type PhoneNumberOrder = Static<typeof PhoneNumberOrder>;

export const CreatePhoneNumberOrderBody = Type.Object({
  ProductType: StringEnum(PRODUCT_TYPES),
  // Checked one by one by the service (parseE164), so that the error names the bad number.
  E164PhoneNumbers: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { minItems: 1, maxItems: ORDER_MAX_NUMBERS }),
  Name: Type.Optional(NameField),
});
export type CreatePhoneNumberOrderBody = Static<typeof CreatePhoneNumberOrderBody>;

export const PhoneNumberOrderResponse = Type.Object({ PhoneNumberOrder });
export const PhoneNumberOrderIdParams = Type.Object({ PhoneNumberOrderId: IdParam });

export const ListPhoneNumberOrdersQuery = Type.Object({
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export const ListPhoneNumberOrdersResponse = Type.Object({
  PhoneNumberOrders: Type.Array(PhoneNumberOrder),
  NextToken: Type.Optional(Type.String()),
});

export const PhoneNumberSettingsResponse = Type.Object({
  CallingName: Type.Optional(Type.String()),
  CallingNameUpdatedTimestamp: Type.Optional(Timestamp),
});
export const UpdatePhoneNumberSettingsBody = Type.Object({ CallingName: CallingNameField });

export const ListSupportedPhoneNumberCountriesQuery = Type.Object({ 'product-type': StringEnum(PRODUCT_TYPES) });
export const PhoneNumberCountry = Type.Object({
  CountryCode: Type.String(),
  SupportedPhoneNumberTypes: Type.Array(StringEnum(PHONE_NUMBER_TYPES)),
});
export const ListSupportedPhoneNumberCountriesResponse = Type.Object({ PhoneNumberCountries: Type.Array(PhoneNumberCountry) });
