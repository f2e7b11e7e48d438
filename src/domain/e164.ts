import parsePhoneNumber, { type NumberType, type PhoneNumber } from 'libphonenumber-js/max';
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

type Analysis = { problem: string } | { parsed: PhoneNumber; numberType: NumberType };

/**
 * Parses once and asks for the type once: with the full metadata libphonenumber's isValid() is
 * getType() !== undefined, so one getType() answers both (parsing a +1 number is the costly part of
 * loading numbers in bulk, so it must not happen twice per number).
 */
function analyse(input: string): Analysis {
  if (!e164Shape.test(input)) return { problem: 'must be in E.164 format: a plus sign followed by up to 15 digits, such as +12065550100' };
  const parsed = parsePhoneNumber(input);
  const numberType = parsed?.getType();
  if (!parsed || numberType === undefined) return { problem: 'is not a valid phone number for any country' };
  if (!parsed.country) return { problem: 'does not belong to a single country' };
  // libphonenumber drops a national trunk prefix ('+44 0 20...'); E.164 has none, and a number must
  // have one spelling so that lookups by the stored form find it.
  if (parsed.number !== input) return { problem: `is not in E.164 form; write it as ${parsed.number}` };
  return { parsed, numberType };
}

/** Why a string is not an acceptable E.164 number, or null when it is one. */
export function e164Problem(input: string): string | null {
  const analysis = analyse(input);
  return 'problem' in analysis ? analysis.problem : null;
}

/** Parses a strict E.164 number (no spaces or punctuation) and tells its country and type. */
export function parseE164(input: string): ParsedNumber {
  const analysis = analyse(input);
  if ('problem' in analysis) throw badRequest(`Phone number ${JSON.stringify(input)} ${analysis.problem}`);
  const { parsed, numberType } = analysis;
  const type: PhoneNumberType = numberType === 'TOLL_FREE' ? 'TollFree' : 'Local';
  const national = parsed.nationalNumber;
  const areaCode = parsed.countryCallingCode === '1' && national.length === 10 ? national.slice(0, 3) : null;
  return { e164: parsed.number, country: parsed.country!, type, areaCode };
}

export function isE164(input: string): boolean {
  return e164Problem(input) === null;
}
