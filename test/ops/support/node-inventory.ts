import { randomBytes } from 'node:crypto';
import { signedFetch } from '../../../src/client/signed-fetch';
import type { ProductType } from '../../../src/contract/enums';
import { TEST_REGION, type Credentials } from '../../support/test-server';

/** Credentials a node bootstraps its first administrator with (NUMBERYARD_ACCESS_KEY_ID / _SECRET_). */
export function newAdminCredentials(): Credentials {
  return { accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(24).toString('base64url') };
}

/** Imports numbers into the administrator's own organization through the admin route of a node. */
export async function importIntoNode(url: string, admin: Credentials, numbers: readonly string[], productType: ProductType): Promise<void> {
  const response = await signedFetch({ endpoint: url, region: TEST_REGION, credentials: admin }, 'POST', '/admin/phone-numbers?operation=import', {
    PhoneNumbers: numbers.map((E164PhoneNumber) => ({ E164PhoneNumber, ProductType: productType })),
  });
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
}
