// How a phone number reads on a terminal; shared by `numbers` and `export`.
import type { PhoneNumber } from '@aws-sdk/client-chime-sdk-voice';
import { details, table } from './output';

/** "VoiceConnectorId=abc" for each association, joined with ";" (the export's `associations` column too). */
export function associationsText(number: PhoneNumber): string {
  return (number.Associations ?? []).map((a) => `${a.Name}=${a.Value}`).join(';');
}

export function phoneNumberTable(numbers: readonly PhoneNumber[]): string {
  return table(numbers, [
    ['E164', (n) => n.E164PhoneNumber],
    ['PRODUCT TYPE', (n) => n.ProductType],
    ['STATUS', (n) => n.Status],
    ['COUNTRY', (n) => n.Country],
    ['TYPE', (n) => n.Type],
    ['ASSIGNED TO', (n) => associationsText(n) || undefined],
    ['NAME', (n) => n.Name],
  ]);
}

export function phoneNumberDetails(n: PhoneNumber): string {
  const capabilities = n.Capabilities ? Object.entries(n.Capabilities).filter(([, on]) => on).map(([name]) => name).join(', ') : undefined;
  return details([
    ['Phone number', n.E164PhoneNumber],
    ['Product type', n.ProductType],
    ['Status', n.Status],
    ['Country', n.Country],
    ['Type', n.Type],
    ['Assigned to', associationsText(n)],
    ['Name', n.Name],
    ['Calling name', n.CallingName],
    ['Calling name status', n.CallingNameStatus],
    ['Capabilities', capabilities],
    ['Order', n.OrderId],
    ['Created', n.CreatedTimestamp],
    ['Updated', n.UpdatedTimestamp],
    ['Deletion', n.DeletionTimestamp],
  ]);
}
