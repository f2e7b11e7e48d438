import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import {
  ASSOCIATION_NAMES,
  PHONE_NUMBER_STATUSES,
  PRODUCT_TYPES,
  type AssociationName,
  type PhoneNumberStatus,
  type ProductType,
  type SortOrder,
} from '../../../../src/contract/enums';
import type { ListPhoneNumbersQuery } from '../../../../src/contract/phone-number.schema';
import { ASSOCIATION_LABELS, PRODUCT_TYPE_LABELS, STATUS_LABELS } from '../../common/labels';

// The Inventory filter is exactly what ListPhoneNumbers can filter by: one status, one product type,
// one association (FilterName + FilterValue), and numberyard's country and number prefix. It lives in
// the URL with the API's own query keys (as does the sort order), so a filtered view can be bookmarked
// and shared, and it is checked when read back (URLs are user input).

export interface InventoryFilter {
  status?: PhoneNumberStatus | undefined;
  productType?: ProductType | undefined;
  association?: { name: AssociationName; value: string } | undefined;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string | undefined;
  /** '+' and digits: numbers that start with it. */
  numberPrefix?: string | undefined;
}

const FILTER_VALUE_MAX_LENGTH = 256;
const SORT_ORDER_KEY = 'sort-order';

/** 'gb' or ' GB ' -> 'GB'; anything that is not two letters -> undefined. */
export function countryOf(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/**
 * The number prefix a typed value stands for, when it looks like (the start of) a phone number:
 * '+1 (206) 555' -> '+1206555'. A value without '+' is read as digits after it ('1206' -> '+1206'),
 * since an E.164 number has no national form. Anything else (a name, too many digits) -> undefined.
 */
export function numberPrefixOf(value: string | null | undefined): string | undefined {
  const compact = value?.trim().replace(/[\s().-]/g, '');
  return compact && /^\+?[0-9]{1,15}$/.test(compact) ? `+${compact.replace(/^\+/, '')}` : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}

/** A value the user typed rather than picked: the wire value or the label the console shows for it, in any case. */
function typedOneOf<T extends string>(values: readonly T[], labels: Record<T, string>, value: string): T | undefined {
  const typed = value.toLowerCase();
  return values.find((v) => v.toLowerCase() === typed || labels[v].toLowerCase() === typed);
}

export function filterFromSearch(params: URLSearchParams): InventoryFilter {
  const name = oneOf(ASSOCIATION_NAMES, params.get('filter-name'));
  const value = params.get('filter-value')?.trim();
  return {
    status: oneOf(PHONE_NUMBER_STATUSES, params.get('status')),
    productType: oneOf(PRODUCT_TYPES, params.get('product-type')),
    association: name && value && value.length <= FILTER_VALUE_MAX_LENGTH ? { name, value } : undefined,
    country: countryOf(params.get('country')),
    numberPrefix: numberPrefixOf(params.get('number-prefix')),
  };
}

/** The Phone number column's order: ascending unless the URL says otherwise. */
export function sortOrderFromSearch(params: URLSearchParams): SortOrder {
  return params.get(SORT_ORDER_KEY) === 'desc' ? 'desc' : 'asc';
}

/** The URL search of a view; ascending, the API's default, is left out. */
export function viewToSearch(filter: InventoryFilter, order: SortOrder): Record<string, string> {
  return order === 'desc' ? { ...filterToSearch(filter), [SORT_ORDER_KEY]: order } : filterToSearch(filter);
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
  if (filter.country) search.country = filter.country;
  if (filter.numberPrefix) search['number-prefix'] = filter.numberPrefix;
  return search;
}

export function viewToQuery(filter: InventoryFilter, order: SortOrder): ListPhoneNumbersQuery {
  return viewToSearch(filter, order) as ListPhoneNumbersQuery;
}

/** A stable key of a view: a change of filter or order starts paging again at page 1 (a NextToken is only valid with both). */
export function viewKey(filter: InventoryFilter, order: SortOrder): string {
  return new URLSearchParams(viewToSearch(filter, order)).toString();
}

const STATUS_KEY = 'status';
const PRODUCT_TYPE_KEY = 'productType';
const COUNTRY_KEY = 'country';
const NUMBER_PREFIX_KEY = 'numberPrefix';

/** A holder the filter can offer by name: a voice connector, group, SIP rule or account of the organization. */
export interface NamedHolder {
  association: Exclude<AssociationName, 'UserId'>;
  id: string;
  name: string;
}

/**
 * The filter's properties. An "Assigned to" token holds the holder's id (what the API filters by)
 * and shows its name when `holders` has it.
 */
export function filteringProperties(holders: readonly NamedHolder[]): PropertyFilterProps.FilteringProperty[] {
  const nameOf = new Map(holders.map((h) => [`${h.association} ${h.id}`, h.name]));
  return [
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
    {
      key: COUNTRY_KEY,
      propertyLabel: 'Country',
      groupValuesLabel: 'Country codes',
      operators: ['='],
    },
    {
      key: NUMBER_PREFIX_KEY,
      propertyLabel: 'Phone number',
      groupValuesLabel: 'Phone numbers',
      // Starts with: '+1206' finds every Seattle number; a whole number finds itself.
      operators: ['^'],
    },
    ...ASSOCIATION_NAMES.map(
      (name): PropertyFilterProps.FilteringProperty => ({
        key: name,
        propertyLabel: `Assigned to ${ASSOCIATION_LABELS[name].toLowerCase()}`,
        groupValuesLabel: `${ASSOCIATION_LABELS[name]}s`,
        operators: [{ operator: '=', format: (value: string) => nameOf.get(`${name} ${value}`) ?? value }],
      }),
    ),
  ];
}

/** The values the filter suggests: statuses, product types, and the holders by name (their ids are what is filtered by). */
export function filteringOptions(holders: readonly NamedHolder[]): PropertyFilterProps.FilteringOption[] {
  return [
    ...PHONE_NUMBER_STATUSES.map((status) => ({ propertyKey: STATUS_KEY, value: status, label: STATUS_LABELS[status] })),
    ...PRODUCT_TYPES.map((type) => ({ propertyKey: PRODUCT_TYPE_KEY, value: type, label: PRODUCT_TYPE_LABELS[type] })),
    ...holders.map((h) => ({ propertyKey: h.association, value: h.id, label: h.name, tags: [h.id] })),
  ];
}

export function filterToTokens(filter: InventoryFilter): PropertyFilterProps.Query {
  const tokens: PropertyFilterProps.Token[] = [];
  if (filter.status) tokens.push({ propertyKey: STATUS_KEY, operator: '=', value: filter.status });
  if (filter.productType) tokens.push({ propertyKey: PRODUCT_TYPE_KEY, operator: '=', value: filter.productType });
  if (filter.country) tokens.push({ propertyKey: COUNTRY_KEY, operator: '=', value: filter.country });
  if (filter.numberPrefix) tokens.push({ propertyKey: NUMBER_PREFIX_KEY, operator: '^', value: filter.numberPrefix });
  if (filter.association) tokens.push({ propertyKey: filter.association.name, operator: '=', value: filter.association.value });
  return { operation: 'and', tokens };
}

/** What a property-filter query asks for: the filter the API can apply, and the tokens it cannot, as the user typed them. */
export interface FilterReading {
  filter: InventoryFilter;
  /** '"Seattle PBX"' (free text that is not a phone number), 'Country = Germany': never applied, so the page says so. */
  notApplied: string[];
}

/**
 * The filter a property-filter query asks for. The API takes one value per property and one
 * association, so a later token replaces an earlier one of the same kind. Free text that looks like a
 * phone number is a number prefix; other free text, and values that are not a known status, product
 * type, country code or number prefix, cannot be applied (the API cannot search text): they are
 * returned in `notApplied` rather than dropped unseen.
 */
export function readTokens(query: PropertyFilterProps.Query, properties: readonly PropertyFilterProps.FilteringProperty[]): FilterReading {
  const filter: InventoryFilter = {};
  const notApplied: string[] = [];
  for (const token of query.tokens) {
    const value = typeof token.value === 'string' ? token.value.trim() : '';
    if (value === '') continue;
    const property = properties.find((p) => p.key === token.propertyKey);
    const typed = property ? `${property.propertyLabel} ${token.operator} ${value}` : `"${value}"`;
    const read = readToken(token.propertyKey, token.operator, value);
    if (read === undefined) notApplied.push(typed);
    else Object.assign(filter, read);
  }
  return { filter, notApplied };
}

/** The part of the filter one token sets, or undefined when the API cannot filter by it. */
function readToken(key: string | undefined, operator: string, value: string): InventoryFilter | undefined {
  if (key === undefined || key === NUMBER_PREFIX_KEY) {
    const numberPrefix = operator === ':' || operator === '^' || operator === '=' ? numberPrefixOf(value) : undefined;
    return numberPrefix ? { numberPrefix } : undefined;
  }
  if (operator !== '=') return undefined;
  if (key === COUNTRY_KEY) {
    const country = countryOf(value);
    return country ? { country } : undefined;
  }
  if (key === STATUS_KEY) {
    const status = typedOneOf(PHONE_NUMBER_STATUSES, STATUS_LABELS, value);
    return status ? { status } : undefined;
  }
  if (key === PRODUCT_TYPE_KEY) {
    const productType = typedOneOf(PRODUCT_TYPES, PRODUCT_TYPE_LABELS, value);
    return productType ? { productType } : undefined;
  }
  const name = oneOf(ASSOCIATION_NAMES, key);
  return name && value.length <= FILTER_VALUE_MAX_LENGTH ? { association: { name, value } } : undefined;
}
