// What one CSV row of an import must be. A dry run checks each row fully, locally, with the same pure
// rules the server applies (E.164 and product-type rules from src/domain), so that it can report
// every bad row with its line number before anything is sent. A real import checks only what is
// cheap (shape, product type name, duplicates): the server parses every number anyway and its
// per-number errors are placed back on their lines, and parsing twice would halve the import rate.
import type { ProductType } from '../../contract/enums';
import { PRODUCT_TYPES } from '../../contract/enums';
import { E164_PATTERN, NAME_MAX_LENGTH } from '../../contract/limits';
import { e164Problem, parseE164, type ParsedNumber } from '../../domain/e164';
import { productTypeProblem } from '../../domain/phone-number-rules';
import { E164Set } from './e164-set';

export type ImportTarget = 'inventory' | 'pool';

/** The columns each target reads; other columns (such as an export's status) are ignored. */
export const COLUMNS: Record<ImportTarget, { required: readonly string[]; optional: readonly string[] }> = {
  inventory: { required: ['e164', 'product_type'], optional: ['name'] },
  pool: { required: ['e164'], optional: ['city', 'state'] },
};

export interface InventoryItem {
  E164PhoneNumber: string;
  ProductType: ProductType;
  Name?: string;
}

export interface PoolItem {
  E164PhoneNumber: string;
  City?: string;
  State?: string;
}

export type ImportItem = InventoryItem | PoolItem;

export interface BadRow {
  line: number;
  e164: string;
  reason: string;
}

export type RowOutcome = { ok: true; item: ImportItem; parsed?: ParsedNumber } | { ok: false; bad: BadRow };

/** full: every rule, locally (dry run); quick: what the server cannot tell from one request (real import). */
export type CheckDepth = 'full' | 'quick';

const E164_SHAPE = new RegExp(E164_PATTERN);

/** Header names are compared lower-case and trimmed; the header must name every required column. */
export function normalizeHeader(names: readonly string[]): string[] {
  return names.map((name) => name.trim().toLowerCase());
}

export function missingColumns(target: ImportTarget, header: readonly string[]): string[] {
  return COLUMNS[target].required.filter((column) => !header.includes(column));
}

function e164Reason(value: string): string {
  const problem = e164Problem(value) ?? 'is not a valid phone number';
  // e164Problem answers about the shape first, then about validity, then about the country.
  if (problem.startsWith('must be') || problem.includes('E.164 form')) return `bad E.164: ${JSON.stringify(value)} ${problem}`;
  if (problem.includes('single country')) return `unknown country: ${value} ${problem}`;
  return `invalid number: ${value} ${problem}`;
}

const STATE_SHAPE = /^[A-Z]{2}$/;

/** Checks one record; `seen` catches a number that appears twice in the file. */
export function checkRow(target: ImportTarget, record: Record<string, string | undefined>, line: number, seen: E164Set, depth: CheckDepth): RowOutcome {
  const raw = record.e164 ?? '';
  const bad = (reason: string): RowOutcome => ({ ok: false, bad: { line, e164: raw, reason } });
  if (raw === '') return bad('bad E.164: the e164 column is empty');
  let parsed: ParsedNumber | undefined;
  if (depth === 'full') {
    try {
      parsed = parseE164(raw);
    } catch {
      return bad(e164Reason(raw));
    }
  } else if (!E164_SHAPE.test(raw)) {
    return bad(e164Reason(raw));
  }
  // A strict E.164 string is already the canonical form parsing would give.
  const e164 = parsed?.e164 ?? raw;

  let item: ImportItem;
  if (target === 'inventory') {
    const productType = record.product_type ?? '';
    if (!(PRODUCT_TYPES as readonly string[]).includes(productType)) {
      return bad(`bad product type: ${JSON.stringify(productType)} must be one of ${PRODUCT_TYPES.join(', ')}`);
    }
    const problem = parsed && productTypeProblem(parsed, productType as ProductType);
    if (problem) return bad(`conflicting product type: ${problem}`);
    const name = record.name ?? '';
    if (name.length > NAME_MAX_LENGTH) return bad(`bad name: longer than ${NAME_MAX_LENGTH} characters`);
    item = { E164PhoneNumber: e164, ProductType: productType as ProductType, ...(name ? { Name: name } : {}) };
  } else {
    const city = record.city ?? '';
    const state = record.state ?? '';
    if (city.length > 100) return bad('bad city: longer than 100 characters');
    if (state !== '' && !STATE_SHAPE.test(state)) return bad(`bad state: ${JSON.stringify(state)} must be a two-letter code such as WA`);
    item = { E164PhoneNumber: e164, ...(city ? { City: city } : {}), ...(state ? { State: state } : {}) };
  }

  const firstLine = seen.addOrGetLine(e164, line);
  if (firstLine !== undefined) return bad(`duplicate in the file: ${e164} is already on ${firstLine > 0 ? `line ${firstLine}` : 'an earlier line (--dry-run tells which)'}`);
  return parsed ? { ok: true, item, parsed } : { ok: true, item };
}
