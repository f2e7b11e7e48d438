import type { OrderedPhoneNumberStatus, PhoneNumberOrderStatus, PhoneNumberOrderType, ProductType } from '../contract/enums';
import type { PhoneNumberOrder } from '../contract/phone-number.schema';
import type { OrderedPhoneNumberRow, PhoneNumberOrderRow } from '../storage/repositories/phone-number-order.repository';

/** The wire PhoneNumberOrder of an order row and its ordered numbers; the only place an order becomes an API shape. */
export function toWireOrder(row: PhoneNumberOrderRow, ordered: readonly OrderedPhoneNumberRow[]): PhoneNumberOrder {
  return {
    PhoneNumberOrderId: row.id,
    ProductType: row.product_type as ProductType,
    Status: row.status as PhoneNumberOrderStatus,
    OrderType: row.order_type as PhoneNumberOrderType,
    OrderedPhoneNumbers: ordered.map((number) => ({ E164PhoneNumber: number.e164, Status: number.status as OrderedPhoneNumberStatus })),
    CreatedTimestamp: row.created_at,
    UpdatedTimestamp: row.updated_at,
  };
}
