// The benchmark's inventory: 1,000,000 valid US local numbers in ten area codes, in E.164 order,
// with the three product types interleaved so that a product-type filter keeps one number in three.
import type { ProductType } from '../../src/contract/enums';

const AREA_CODES = ['206', '212', '305', '312', '415', '503', '617', '702', '808', '919'] as const;
const PER_AREA_CODE = 100_000;
const PRODUCT_TYPES: readonly ProductType[] = ['BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn'];

export const INVENTORY_SIZE = AREA_CODES.length * PER_AREA_CODE;

export interface BenchNumber {
  e164: string;
  areaCode: string;
  productType: ProductType;
}

/** The i-th number: +1 <area code> <exchange 200-299> 0<line 000-999>; ascending in i. */
export function benchNumber(i: number): BenchNumber {
  const areaCode = AREA_CODES[Math.floor(i / PER_AREA_CODE)]!;
  const withinArea = i % PER_AREA_CODE;
  const exchange = 200 + Math.floor(withinArea / 1000);
  const line = String(withinArea % 1000).padStart(4, '0');
  return { e164: `+1${areaCode}${exchange}${line}`, areaCode, productType: PRODUCT_TYPES[i % PRODUCT_TYPES.length]! };
}

/** `count` indexes spread evenly over the inventory, so that a request pool touches all of it. */
export function spreadIndexes(count: number): number[] {
  const step = Math.floor(INVENTORY_SIZE / count);
  return Array.from({ length: count }, (_, k) => k * step + (k % step));
}
