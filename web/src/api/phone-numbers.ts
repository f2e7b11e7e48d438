import type { Static } from 'typebox';
import type { PhoneNumberHistoryResponse } from '../../../src/contract/extensions.schema';
import type {
  ListPhoneNumbersQuery,
  ListPhoneNumbersResponse,
  PhoneNumber,
  PhoneNumberErrorsResponse,
  PhoneNumberResponse,
} from '../../../src/contract/phone-number.schema';
import type { ProductType } from '../../../src/contract/enums';
import { label, request } from './http';

export type { PhoneNumber };
export type PhoneNumberPage = Static<typeof ListPhoneNumbersResponse>;
export type PhoneNumberError = Static<typeof PhoneNumberErrorsResponse>['PhoneNumberErrors'][number];

// ListPhoneNumbers, GetPhoneNumber, UpdatePhoneNumber, BatchUpdatePhoneNumber, DeletePhoneNumber,
// BatchDeletePhoneNumber and RestorePhoneNumber, with the same paths and bodies as the SDKs.

export function listPhoneNumbers(query: ListPhoneNumbersQuery): Promise<PhoneNumberPage> {
  return request('GET', '/phone-numbers', { query });
}

export async function getPhoneNumber(id: string): Promise<PhoneNumber> {
  return (await request<Static<typeof PhoneNumberResponse>>('GET', `/phone-numbers/${label(id)}`)).PhoneNumber;
}

/** One request per number would be n round trips; BatchUpdatePhoneNumber does them all at once. */
export async function setProductType(ids: readonly string[], productType: ProductType): Promise<PhoneNumberError[]> {
  const body = { UpdatePhoneNumberRequestItems: ids.map((PhoneNumberId) => ({ PhoneNumberId, ProductType: productType })) };
  return (await request<Static<typeof PhoneNumberErrorsResponse>>('POST', '/phone-numbers', { query: { operation: 'batch-update' }, body })).PhoneNumberErrors;
}

export async function deletePhoneNumbers(ids: readonly string[]): Promise<PhoneNumberError[]> {
  const body = { PhoneNumberIds: [...ids] };
  return (await request<Static<typeof PhoneNumberErrorsResponse>>('POST', '/phone-numbers', { query: { operation: 'batch-delete' }, body })).PhoneNumberErrors;
}

export async function restorePhoneNumber(id: string): Promise<PhoneNumber> {
  return (await request<Static<typeof PhoneNumberResponse>>('POST', `/phone-numbers/${label(id)}`, { query: { operation: 'restore' } })).PhoneNumber;
}

export function phoneNumberHistory(id: string, nextToken?: string): Promise<PhoneNumberHistoryResponse> {
  return request('GET', `/phone-numbers/${label(id)}/history`, { query: { 'next-token': nextToken } });
}
