// Rules of a phone number's product type, calling name and updates. Pure: no I/O.
import type { PhoneNumberStatus, PhoneNumberType, ProductType } from '../contract/enums';
import { CALLING_NAME_PATTERN } from '../contract/limits';
import { badRequest, NumberyardError } from './numberyard-error';

const PRODUCT_LABELS: Record<ProductType, string> = {
  BusinessCalling: 'Business Calling',
  VoiceConnector: 'Voice Connector',
  SipMediaApplicationDialIn: 'SIP Media Application Dial-In',
};

export function productTypeLabel(productType: ProductType): string {
  return PRODUCT_LABELS[productType];
}

export interface NumberIdentity {
  e164: string;
  country: string;
  type: PhoneNumberType;
}

/** Why a number cannot have this product type, or null when it can. */
export function productTypeProblem(number: NumberIdentity, productType: ProductType): string | null {
  if (number.country !== 'US' && productType !== 'SipMediaApplicationDialIn') {
    return `${number.e164} is a non-US number (${number.country}); non-US numbers can only be SIP Media Application Dial-In, not ${productTypeLabel(productType)}`;
  }
  if (number.type === 'TollFree' && productType === 'BusinessCalling') {
    return `${number.e164} is a toll-free number; toll-free numbers cannot be Business Calling`;
  }
  return null;
}

export function assertProductTypeAllowed(number: NumberIdentity, productType: ProductType): void {
  const problem = productTypeProblem(number, productType);
  if (problem) throw badRequest(problem);
}

/** The product types a number may have, in console order. */
export function allowedProductTypes(number: NumberIdentity): ProductType[] {
  return (['BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn'] as const).filter(
    (productType) => productTypeProblem(number, productType) === null,
  );
}

/** The product type of a number can only change while nothing holds it. */
export function assertProductTypeChangeable(e164: string, status: PhoneNumberStatus): void {
  if (status !== 'Unassigned') {
    throw new NumberyardError(
      status === 'Assigned' ? 'PhoneNumberAssociationsExist' : 'Conflict',
      `The product type of ${e164} can only be changed while it is Unassigned; it is ${status}`,
    );
  }
}

const callingNameShape = new RegExp(CALLING_NAME_PATTERN);

/** Empty clears the calling name; otherwise 2-15 letters, digits and spaces. */
export function assertCallingName(callingName: string): void {
  if (callingName !== '' && !callingNameShape.test(callingName)) {
    throw badRequest(`CallingName ${JSON.stringify(callingName)} must be 2 to 15 letters, digits or spaces (or empty to clear it)`);
  }
}

export interface PhoneNumberChange {
  ProductType?: ProductType | undefined;
  CallingName?: string | undefined;
  Name?: string | undefined;
}

export type SingleChange =
  | { attribute: 'ProductType'; value: ProductType }
  | { attribute: 'CallingName'; value: string }
  | { attribute: 'Name'; value: string };

/** The Chime API updates one phone number detail at a time: exactly one attribute per request item. */
export function singleChange(change: PhoneNumberChange): SingleChange {
  const present = (['ProductType', 'CallingName', 'Name'] as const).filter((key) => change[key] !== undefined);
  if (present.length !== 1) {
    throw badRequest(
      present.length === 0
        ? 'Specify one of ProductType, CallingName or Name to update'
        : `Only one phone number detail can be updated at a time; got ${present.join(', ')}`,
    );
  }
  const attribute = present[0]!;
  if (attribute === 'ProductType') return { attribute, value: change.ProductType! };
  if (attribute === 'CallingName') {
    assertCallingName(change.CallingName!);
    return { attribute, value: change.CallingName! };
  }
  return { attribute, value: change.Name! };
}

export interface Capabilities {
  InboundCall: boolean;
  OutboundCall: boolean;
  InboundSMS: boolean;
  OutboundSMS: boolean;
  InboundMMS: boolean;
  OutboundMMS: boolean;
}

/** What a number can do follows from its product type and kind: only US local Business Calling numbers text. */
export function capabilitiesOf(number: NumberIdentity, productType: ProductType): Capabilities {
  const texts = productType === 'BusinessCalling' && number.country === 'US' && number.type === 'Local';
  return {
    InboundCall: true,
    OutboundCall: true,
    InboundSMS: texts,
    OutboundSMS: texts,
    InboundMMS: texts,
    OutboundMMS: texts,
  };
}
