import type { PhoneNumberType, ProductType } from '../../../src/contract/enums';
import { PRODUCT_TYPE_LABELS } from './labels';

// The console explains before it asks: the same rules the server enforces (src/domain/phone-number-rules.ts,
// which the console may not import), so that a choice the API would refuse is never offered.

export const NON_US_REASON = 'Numbers outside the US can only use the SIP Media Application Dial-In product type.';
export const TOLL_FREE_REASON = 'Toll-free numbers cannot use the Business Calling product type.';

export interface NumberKind {
  Country: string;
  Type: PhoneNumberType;
}

/** Why none of `numbers` can take `productType`, or undefined when all of them can. */
export function productTypeRestriction(numbers: readonly NumberKind[], productType: ProductType): string | undefined {
  if (productType !== 'SipMediaApplicationDialIn' && numbers.some((n) => n.Country !== 'US')) return NON_US_REASON;
  if (productType === 'BusinessCalling' && numbers.some((n) => n.Type === 'TollFree')) return TOLL_FREE_REASON;
  return undefined;
}

export function productTypeLabel(productType: ProductType): string {
  return PRODUCT_TYPE_LABELS[productType];
}
