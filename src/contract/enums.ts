// Enum values exactly as the Amazon Chime wire API spells them (case-sensitive).

export const PHONE_NUMBER_STATUSES = [
  'AcquireInProgress',
  'AcquireFailed',
  'Unassigned',
  'Assigned',
  'ReleaseInProgress',
  'DeleteInProgress',
  'ReleaseFailed',
  'DeleteFailed',
] as const;
export type PhoneNumberStatus = (typeof PHONE_NUMBER_STATUSES)[number];

export const PRODUCT_TYPES = ['BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const PHONE_NUMBER_TYPES = ['Local', 'TollFree'] as const;
export type PhoneNumberType = (typeof PHONE_NUMBER_TYPES)[number];

export const CALLING_NAME_STATUSES = ['Unassigned', 'UpdateInProgress', 'UpdateSucceeded', 'UpdateFailed'] as const;
export type CallingNameStatus = (typeof CALLING_NAME_STATUSES)[number];

/** What a number can be associated with; AccountId accompanies UserId on Business Calling numbers. */
export const ASSOCIATION_NAMES = ['AccountId', 'UserId', 'VoiceConnectorId', 'VoiceConnectorGroupId', 'SipRuleId'] as const;
export type AssociationName = (typeof ASSOCIATION_NAMES)[number];

export const ORDER_STATUSES = ['Processing', 'Successful', 'Partial', 'Failed'] as const;
export type PhoneNumberOrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDERED_NUMBER_STATUSES = ['Processing', 'Acquired', 'Failed'] as const;
export type OrderedPhoneNumberStatus = (typeof ORDERED_NUMBER_STATUSES)[number];

export const ORDER_TYPES = ['New', 'Porting'] as const;
export type PhoneNumberOrderType = (typeof ORDER_TYPES)[number];
