import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import {
  ASSOCIATION_NAMES,
  PHONE_NUMBER_STATUSES,
  PRODUCT_TYPES,
  type AssociationName,
  type PhoneNumberStatus,
  type ProductType,
} from '../../../../src/contract/enums';
import type { ListPhoneNumbersQuery } from '../../../../src/contract/phone-number.schema';
import { ASSOCIATION_LABELS, PRODUCT_TYPE_LABELS, STATUS_LABELS } from '../../common/labels';

// The Inventory filter is exactly what ListPhoneNumbers can filter by: one status, one product type and
// one association (FilterName + FilterValue). It lives in the URL with the API's own query keys, so a
// filtered view can be bookmarked and shared, and it is checked when read back (URLs are user input).

export interface InventoryFilter {
  status?: PhoneNumberStatus | undefined;
  productType?: ProductType | undefined;
  association?: { name: AssociationName; value: string } | undefined;
}

const FILTER_VALUE_MAX_LENGTH = 256;

function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}

export function filterFromSearch(params: URLSearchParams): InventoryFilter {
  const name = oneOf(ASSOCIATION_NAMES, params.get('filter-name'));
  const value = params.get('filter-value')?.trim();
  return {
    status: oneOf(PHONE_NUMBER_STATUSES, params.get('status')),
    productType: oneOf(PRODUCT_TYPES, params.get('product-type')),
    association: name && value && value.length <= FILTER_VALUE_MAX_LENGTH ? { name, value } : undefined,
  };
}

/** The URL search of a filter: the same keys ListPhoneNumbers takes. */
export function filterToSearch(filter: InventoryFilter): Record<string, string> {
  const search: Record<string, string> = {};
  if (filter.status) search.status = filter.status;
  if (filter.productType) search['product-type'] = filter.productType;
  if (filter.association) {
    search['filter-name'] = filter.association.name;
    search['filter-value'] = filter.association.value;
  }
  return search;
}

export function filterToQuery(filter: InventoryFilter): ListPhoneNumbersQuery {
  return filterToSearch(filter) as ListPhoneNumbersQuery;
}

/** A stable key of a filter: a change of filter starts paging again at page 1. */
export function filterKey(filter: InventoryFilter): string {
  return new URLSearchParams(filterToSearch(filter)).toString();
}

const STATUS_KEY = 'status';
const PRODUCT_TYPE_KEY = 'productType';

export const FILTERING_PROPERTIES: PropertyFilterProps.FilteringProperty[] = [
  // Tokens show the console's words (Business Calling), while the URL and the API get the wire value.
  {
    key: STATUS_KEY,
    propertyLabel: 'Status',
    groupValuesLabel: 'Status values',
    operators: [{ operator: '=', format: (value: string) => STATUS_LABELS[value as PhoneNumberStatus] ?? value }],
  },
  {
    key: PRODUCT_TYPE_KEY,
    propertyLabel: 'Product type',
    groupValuesLabel: 'Product type values',
    operators: [{ operator: '=', format: (value: string) => PRODUCT_TYPE_LABELS[value as ProductType] ?? value }],
  },
  ...ASSOCIATION_NAMES.map(
    (name): PropertyFilterProps.FilteringProperty => ({
      key: name,
      propertyLabel: `Assigned to ${ASSOCIATION_LABELS[name].toLowerCase()} ID`,
      groupValuesLabel: `${ASSOCIATION_LABELS[name]} IDs`,
      operators: ['='],
    }),
  ),
];

export const FILTERING_OPTIONS: PropertyFilterProps.FilteringOption[] = [
  ...PHONE_NUMBER_STATUSES.map((status) => ({ propertyKey: STATUS_KEY, value: status, label: STATUS_LABELS[status] })),
  ...PRODUCT_TYPES.map((type) => ({ propertyKey: PRODUCT_TYPE_KEY, value: type, label: PRODUCT_TYPE_LABELS[type] })),
];

export function filterToTokens(filter: InventoryFilter): PropertyFilterProps.Query {
  const tokens: PropertyFilterProps.Token[] = [];
  if (filter.status) tokens.push({ propertyKey: STATUS_KEY, operator: '=', value: filter.status });
  if (filter.productType) tokens.push({ propertyKey: PRODUCT_TYPE_KEY, operator: '=', value: filter.productType });
  if (filter.association) tokens.push({ propertyKey: filter.association.name, operator: '=', value: filter.association.value });
  return { operation: 'and', tokens };
}

/**
 * The filter a property-filter query asks for. The API takes one value per property and one
 * association, so a later token replaces an earlier one of the same kind; values that are not a
 * known status or product type are dropped, as are free-text tokens (the API cannot search text).
 */
export function tokensToFilter(query: PropertyFilterProps.Query): InventoryFilter {
  const filter: InventoryFilter = {};
  for (const token of query.tokens) {
    const value = typeof token.value === 'string' ? token.value.trim() : '';
    if (token.operator !== '=' || value === '') continue;
    if (token.propertyKey === STATUS_KEY) filter.status = oneOf(PHONE_NUMBER_STATUSES, value) ?? filter.status;
    else if (token.propertyKey === PRODUCT_TYPE_KEY) filter.productType = oneOf(PRODUCT_TYPES, value) ?? filter.productType;
    else {
      const name = oneOf(ASSOCIATION_NAMES, token.propertyKey);
      if (name && value.length <= FILTER_VALUE_MAX_LENGTH) filter.association = { name, value };
    }
  }
  return filter;
}
