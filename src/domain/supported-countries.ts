// The countries numbers can be ordered from, per product type (ListSupportedPhoneNumberCountries).
// Pure data and rules: no I/O.
import type { PhoneNumberType, ProductType } from '../contract/enums';

/**
 * Why the list has this shape: Amazon Chime sells US numbers (local and toll-free) for every product
 * type, while outside the US it offers only SIP Media Application Dial-In numbers — the same rule
 * phone-number-rules.ts applies to every number (productTypeProblem). Canada shares +1 with the US
 * but is not the US, so it falls under the non-US rule. The non-US countries below are the ones an
 * operator's pool is expected to carry; add a country here (with the types its carrier sells) when
 * its numbers are loaded into the pool, and search and orders accept it at once.
 */
const US_TYPES: readonly PhoneNumberType[] = ['Local', 'TollFree'];

const SIP_MEDIA_APPLICATION_COUNTRIES: Readonly<Record<string, readonly PhoneNumberType[]>> = {
  AT: ['Local'],
  AU: ['Local', 'TollFree'],
  BE: ['Local'],
  CA: ['Local', 'TollFree'],
  CH: ['Local'],
  DE: ['Local'],
  DK: ['Local'],
  ES: ['Local'],
  FR: ['Local'],
  GB: ['Local', 'TollFree'],
  IE: ['Local'],
  IT: ['Local'],
  JP: ['Local'],
  NL: ['Local'],
  NZ: ['Local'],
  SE: ['Local'],
};

export interface SupportedCountry {
  countryCode: string;
  phoneNumberTypes: readonly PhoneNumberType[];
}

/** Toll-free numbers cannot be Business Calling (productTypeProblem), so that product type offers only local ones. */
const US_BUSINESS_CALLING_TYPES: readonly PhoneNumberType[] = ['Local'];

/** The countries (US first, then alphabetical) whose numbers can be ordered with this product type. */
export function supportedCountries(productType: ProductType): SupportedCountry[] {
  const countries: SupportedCountry[] = [{ countryCode: 'US', phoneNumberTypes: productType === 'BusinessCalling' ? US_BUSINESS_CALLING_TYPES : US_TYPES }];
  if (productType === 'SipMediaApplicationDialIn') {
    for (const [countryCode, phoneNumberTypes] of Object.entries(SIP_MEDIA_APPLICATION_COUNTRIES).sort(([a], [b]) => a.localeCompare(b))) {
      countries.push({ countryCode, phoneNumberTypes });
    }
  }
  return countries;
}

/** The number types of a country under any product type; empty when numbers cannot be ordered from it at all. */
export function orderableTypesOf(countryCode: string): readonly PhoneNumberType[] {
  if (countryCode === 'US') return US_TYPES;
  return SIP_MEDIA_APPLICATION_COUNTRIES[countryCode] ?? [];
}

/** Why numbers of this country and type cannot be ordered with this product type, or null when they can. */
export function orderableProblem(countryCode: string, type: PhoneNumberType, productType: ProductType): string | null {
  const country = supportedCountries(productType).find((c) => c.countryCode === countryCode);
  if (!country) return `numbers from ${countryCode} cannot be ordered as ${productType}`;
  if (!country.phoneNumberTypes.includes(type)) return `${type === 'TollFree' ? 'toll-free' : 'local'} numbers from ${countryCode} cannot be ordered`;
  return null;
}
