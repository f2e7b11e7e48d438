import type { SipRuleTriggerType } from '../../../../src/contract/enums';

export const TRIGGER_TYPE_LABELS: Record<SipRuleTriggerType, string> = {
  ToPhoneNumber: 'To phone number',
  RequestUriHostname: 'Request URI hostname',
};
