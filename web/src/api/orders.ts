import type { Static } from 'typebox';
import type {
  CreatePhoneNumberOrderBody,
  ListPhoneNumberOrdersResponse,
  PhoneNumberOrder,
  PhoneNumberOrderResponse,
  SearchAvailablePhoneNumbersQuery,
  SearchAvailablePhoneNumbersResponse,
} from '../../../src/contract/phone-number.schema';
import { request } from './http';

export type { PhoneNumberOrder };
export type SearchQuery = Omit<SearchAvailablePhoneNumbersQuery, 'type'>;

export function searchAvailableNumbers(query: SearchQuery): Promise<Static<typeof SearchAvailablePhoneNumbersResponse>> {
  return request('GET', '/search', { query: { type: 'phone-numbers', ...query } });
}

export async function createOrder(body: CreatePhoneNumberOrderBody): Promise<PhoneNumberOrder> {
  return (await request<Static<typeof PhoneNumberOrderResponse>>('POST', '/phone-number-orders', { body })).PhoneNumberOrder;
}

export function listOrders(nextToken?: string): Promise<Static<typeof ListPhoneNumberOrdersResponse>> {
  return request('GET', '/phone-number-orders', { query: { 'max-results': 100, 'next-token': nextToken } });
}
