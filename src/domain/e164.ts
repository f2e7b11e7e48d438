import parsePhoneNumber from 'libphonenumber-js/max';
import type { PhoneNumberType } from '../contract/enums';
import { E164_PATTERN } from '../contract/limits';
import { badRequest } from './numberyard-error';

export interface ParsedNumber {
  e164: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  type: PhoneNumberType;
  /** For NANP numbers the three-digit area code (the toll-free prefix for toll-free numbers). */
  areaCode: string | null;
}

const e164Shape = new RegExp(E164_PATTERN);

/** Why a string is not an acceptable E.164 number, or null when it is one. */
export function e164Problem(input: string): string | null {
  if (!e164Shape.test(input)) return 'must be in E.164 format: a plus sign followed by up to 15 digits, such as +12065550100';
  const parsed = parsePhoneNumber(input);
  if (!parsed || !parsed.isValid()) return 'is not a valid phone number for any country';
  if (!parsed.country) return 'does not belong to a single country';
  return null;
}

/** Parses a strict E.164 number (no spaces or punctuation) and tells its country and type. */
export function parseE164(input: string): ParsedNumber {
  const problem = e164Problem(input);
  if (problem) throw badRequest(`Phone number ${JSON.stringify(input)} ${problem}`);
  // e164Problem has proved that parsing succeeds and yields a country.
  const parsed = parsePhoneNumber(input)!;
  const type: PhoneNumberType = parsed.getType() === 'TOLL_FREE' ? 'TollFree' : 'Local';
  const national = parsed.nationalNumber;
  const areaCode = parsed.countryCallingCode === '1' && national.length === 10 ? national.slice(0, 3) : null;
  return { e164: parsed.number, country: parsed.country!, type, areaCode };
}

export function isE164(input: string): boolean {
  return e164Problem(input) === null;
}
