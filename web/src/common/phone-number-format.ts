import { E164_PATTERN } from '../../../src/contract/limits';

const E164 = new RegExp(E164_PATTERN);
const NANP = /^\+1\d{10}$/;

/**
 * Why `value` is not a phone number the console can send, or undefined when it is. US (+1) numbers
 * are +1 and ten digits, as the Chime console asks (+15095551212); others are E.164.
 */
export function phoneNumberProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a phone number.';
  if (trimmed.startsWith('+1') && !NANP.test(trimmed)) return 'Enter +1 and ten digits, such as +15095551212.';
  if (!E164.test(trimmed)) return 'Enter the number in E.164 format: a plus sign, the country code and the number, such as +15095551212.';
  return undefined;
}

/** A host name such as vc-1.voiceconnector.example.com (labels of letters, digits and hyphens). */
export function hostnameProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a host name.';
  const label = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
  if (trimmed.length > 253 || !trimmed.split('.').every((part) => label.test(part))) return 'Enter a host name, such as the outbound host name of a voice connector.';
  return undefined;
}
