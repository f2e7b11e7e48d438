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

/**
 * Statuses the Chime SDK Voice client also knows, of numbers being ported in. numberyard does not port
 * numbers, so no number ever has one; ListPhoneNumbers still accepts them as a filter (and lists nothing),
 * as a script written for that client may send them.
 */
export const PORTING_PHONE_NUMBER_STATUSES = ['Cancelled', 'PortinCancelRequested', 'PortinInProgress'] as const;
export type PortingPhoneNumberStatus = (typeof PORTING_PHONE_NUMBER_STATUSES)[number];

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

export const VOICE_CONNECTOR_AWS_REGIONS = [
  'us-east-1',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;
export type VoiceConnectorAwsRegion = (typeof VOICE_CONNECTOR_AWS_REGIONS)[number];

export const VOICE_CONNECTOR_INTEGRATION_TYPES = ['CONNECT_CALL_TRANSFER_CONNECTOR', 'CONNECT_ANALYTICS_CONNECTOR'] as const;
export type VoiceConnectorIntegrationType = (typeof VOICE_CONNECTOR_INTEGRATION_TYPES)[number];

export const NETWORK_TYPES = ['IPV4_ONLY', 'DUAL_STACK'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const CALL_DISTRIBUTION_TYPES = ['LoadBalancedDistribution', 'PriorityWeightedDistribution'] as const;
export type CallDistributionType = (typeof CALL_DISTRIBUTION_TYPES)[number];

export const SIP_RULE_TRIGGER_TYPES = ['ToPhoneNumber', 'RequestUriHostname'] as const;
export type SipRuleTriggerType = (typeof SIP_RULE_TRIGGER_TYPES)[number];

/** What a call ends at in numberyard's routing lookup (an extension, not a Chime enum). */
export const ROUTE_TARGET_TYPES = ['SipMediaApplication', 'VoiceConnector', 'User'] as const;
export type RouteTargetType = (typeof ROUTE_TARGET_TYPES)[number];

// Business Calling accounts and users (the legacy chime client only).
export const ACCOUNT_TYPES = ['Team', 'EnterpriseDirectory', 'EnterpriseLWA', 'EnterpriseOIDC'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_STATUSES = ['Active', 'Suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'] as const;
export type License = (typeof LICENSES)[number];

export const USER_TYPES = ['PrivateUser', 'SharedDevice'] as const;
export type UserType = (typeof USER_TYPES)[number];

export const REGISTRATION_STATUSES = ['Unregistered', 'Registered', 'Suspended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const INVITE_STATUSES = ['Pending', 'Accepted', 'Failed'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const EMAIL_STATUSES = ['NotSent', 'Sent', 'Failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** What a queued user notification tells the user (numberyard's outbox, not a Chime enum). */
export const USER_NOTIFICATION_KINDS = ['PhoneNumberChanged', 'PermissionsChanged'] as const;
export type UserNotificationKind = (typeof USER_NOTIFICATION_KINDS)[number];

/** numberyard extension of ListPhoneNumbers: the direction of the E.164 order. */
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
