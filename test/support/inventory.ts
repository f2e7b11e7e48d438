import type { ProductType } from '../../src/contract/enums';
import type { ImportResponse } from '../../src/contract/admin.schema';
import { signedFetch } from '../../src/client/signed-fetch';
import { TEST_REGION, type TestOrganization, type TestServer } from './test-server';

/** Loads owned numbers into an organization's inventory through the admin route, as an operator would. */
export async function importNumbers(
  server: TestServer,
  numbers: readonly string[],
  productType: ProductType,
  into: TestOrganization = server.admin,
): Promise<ImportResponse> {
  const response = await signedFetch<ImportResponse>(
    { endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials },
    'POST',
    '/admin/phone-numbers?operation=import',
    { OrganizationId: into.organizationId, PhoneNumbers: numbers.map((E164PhoneNumber) => ({ E164PhoneNumber, ProductType: productType })) },
  );
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Loads numbers into the available pool (what searches and orders draw from) through the admin route. */
export async function importAvailableNumbers(
  server: TestServer,
  numbers: readonly (string | { E164PhoneNumber: string; City?: string; State?: string })[],
): Promise<ImportResponse> {
  const response = await signedFetch<ImportResponse>(
    { endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials },
    'POST',
    '/admin/available-numbers?operation=import',
    { PhoneNumbers: numbers.map((number) => (typeof number === 'string' ? { E164PhoneNumber: number } : number)) },
  );
  if (response.status !== 200) throw new Error(`pool import failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** +1206555NNNN numbers: valid US local numbers. */
export function usNumbers(count: number, start = 100): string[] {
  return Array.from({ length: count }, (_, i) => `+1206555${String(start + i).padStart(4, '0')}`);
}
