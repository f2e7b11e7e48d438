// Parsers and choices for command-line values; a bad value is a commander error (exit code 2).
import { InvalidArgumentError, Option } from 'commander';
import { ASSOCIATION_NAMES, PHONE_NUMBER_STATUSES, PRODUCT_TYPES } from '../../contract/enums';
import { E164_PATTERN } from '../../contract/limits';
import { usageError } from './cli-error';

export function integerIn(min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    return value;
  };
}

const e164Shape = new RegExp(E164_PATTERN);

/** Numbers are given in E.164 (+12065550100); a quick shape check here (exit code 2), the server checks the rest. */
export function e164List(values: readonly string[]): string[] {
  const bad = values.filter((value) => !e164Shape.test(value));
  if (bad.length > 0) throw usageError(`${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is not an E.164 number' : 'are not E.164 numbers'} such as +12065550100`);
  return [...values];
}

export const productTypeOption = (flags = '--product-type <type>', description = 'product type') => new Option(flags, description).choices(PRODUCT_TYPES);
export const statusOption = () => new Option('--status <status>', 'only numbers with this status').choices(PHONE_NUMBER_STATUSES);
export const filterNameOption = () => new Option('--filter-name <name>', 'only numbers associated with this kind of target (with --filter-value)').choices(ASSOCIATION_NAMES);
