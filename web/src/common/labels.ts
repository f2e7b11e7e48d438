import type { AssociationName, PhoneNumberStatus, PhoneNumberType, ProductType } from '../../../src/contract/enums';

// The words of the Amazon Chime console, which users know and look for.

export const PRODUCT_TYPE_LABELS: Record<ProductType, string> = {
  BusinessCalling: 'Business Calling',
  VoiceConnector: 'Voice Connector',
  SipMediaApplicationDialIn: 'SIP Media Application Dial-In',
};

export const STATUS_LABELS: Record<PhoneNumberStatus, string> = {
  AcquireInProgress: 'Acquire in progress',
  AcquireFailed: 'Acquire failed',
  Unassigned: 'Unassigned',
  Assigned: 'Assigned',
  ReleaseInProgress: 'Release in progress',
  DeleteInProgress: 'Deleted (restorable)',
  ReleaseFailed: 'Release failed',
  DeleteFailed: 'Delete failed',
};

export const NUMBER_TYPE_LABELS: Record<PhoneNumberType, string> = { Local: 'Local', TollFree: 'Toll-free' };

export const ASSOCIATION_LABELS: Record<AssociationName, string> = {
  AccountId: 'Account',
  UserId: 'User',
  VoiceConnectorId: 'Voice connector',
  VoiceConnectorGroupId: 'Voice connector group',
  SipRuleId: 'SIP rule',
};

/** Status indicator type of a number's status. */
export function statusIndicatorType(status: PhoneNumberStatus): 'success' | 'stopped' | 'in-progress' | 'error' | 'pending' {
  switch (status) {
    case 'Assigned':
      return 'success';
    case 'Unassigned':
      return 'stopped';
    case 'AcquireFailed':
    case 'ReleaseFailed':
    case 'DeleteFailed':
      return 'error';
    case 'DeleteInProgress':
      return 'pending';
    default:
      return 'in-progress';
  }
}

export function formatTimestamp(iso: string | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
