import type { PhoneNumberType, ProductType } from '../contract/enums';
import { SEARCH_DEFAULT_RESULTS } from '../contract/limits';
import type { SearchAvailablePhoneNumbersQuery } from '../contract/phone-number.schema';
import { badRequest } from '../domain/numberyard-error';
import { orderableTypesOf, supportedCountries } from '../domain/supported-countries';
import type { AvailableNumberSearch } from '../storage/repositories/available-number.repository';
import { availableNumberRepository } from '../storage/repositories/available-number.repository';
import { decodeNextToken, listScope, toPage } from './next-token';
import type { Caller, ServiceContext } from './service-context';

/**
 * The filter rules of SearchAvailablePhoneNumbers as Amazon Chime documents them: Country defaults to
 * US; US searches need at least one of AreaCode, City, State, TollFreePrefix (or PhoneNumberType);
 * City needs State; outside the US only PhoneNumberType applies, and it is then required.
 * AreaCode, City and State describe local numbers and TollFreePrefix toll-free ones (the pool keeps a
 * toll-free number's prefix in area_code), so mixing the two kinds is refused rather than answered empty.
 */
function toAvailableNumberSearch(query: SearchAvailablePhoneNumbersQuery): AvailableNumberSearch {
  const country = query.country ?? 'US';
  const areaCode = query['area-code'];
  const { city, state } = query;
  const tollFreePrefix = query['toll-free-prefix'];
  const numberType: PhoneNumberType | undefined = query['phone-number-type'];

  const types = orderableTypesOf(country);
  if (types.length === 0) {
    throw badRequest(`Country ${country} is not supported; ListSupportedPhoneNumberCountries lists the countries numbers can be ordered from`);
  }
  if (numberType && !types.includes(numberType)) throw badRequest(`${numberType} numbers are not available in ${country}`);

  if (country !== 'US') {
    const usOnly = [areaCode && 'AreaCode', city && 'City', state && 'State', tollFreePrefix && 'TollFreePrefix'].filter(Boolean);
    if (usOnly.length > 0) throw badRequest(`${usOnly.join(', ')} only apply to US numbers; outside the US search by PhoneNumberType`);
    if (!numberType) throw badRequest(`Searching outside the US (${country}) requires PhoneNumberType`);
    return { country, numberType };
  }

  if (!areaCode && !city && !state && !tollFreePrefix && !numberType) {
    throw badRequest('Specify at least one of AreaCode, City, State, TollFreePrefix or PhoneNumberType');
  }
  if (city && !state) throw badRequest('City requires State');
  if (tollFreePrefix) {
    if (areaCode || city || state) throw badRequest('TollFreePrefix cannot be combined with AreaCode, City or State: toll-free numbers have no location');
    if (numberType === 'Local') throw badRequest('TollFreePrefix searches toll-free numbers; it cannot be combined with PhoneNumberType Local');
    return { country, numberType: 'TollFree', areaCode: tollFreePrefix };
  }
  if (areaCode || city || state) {
    if (numberType === 'TollFree') throw badRequest('AreaCode, City and State search local numbers; use TollFreePrefix for toll-free numbers');
    return { country, numberType: 'Local', areaCode, city, state };
  }
  return { country, numberType };
}

export function createAvailableNumberSearchService(ctx: ServiceContext) {
  const { db } = ctx.database;

  return {
    /** One keyset page of the pool, by E.164. Any organization may search; the pool is shared. */
    async search(_caller: Caller, query: SearchAvailablePhoneNumbersQuery): Promise<{ E164PhoneNumbers: string[]; NextToken?: string }> {
      const search = toAvailableNumberSearch(query);
      const limit = query['max-results'] ?? SEARCH_DEFAULT_RESULTS;
      // The search as the rules resolved it: two queries that search the same numbers share their tokens.
      const scope = listScope('SearchAvailablePhoneNumbers', { ...search });
      const rows = await availableNumberRepository.search(db, search, decodeNextToken(query['next-token'], scope), limit);
      const page = toPage(rows, limit, (row) => row.e164, scope);
      const result: { E164PhoneNumbers: string[]; NextToken?: string } = { E164PhoneNumbers: page.items.map((row) => row.e164) };
      if (page.nextToken) result.NextToken = page.nextToken;
      return result;
    },

    listSupportedCountries(_caller: Caller, productType: ProductType): { PhoneNumberCountries: { CountryCode: string; SupportedPhoneNumberTypes: PhoneNumberType[] }[] } {
      return {
        PhoneNumberCountries: supportedCountries(productType).map((country) => ({
          CountryCode: country.countryCode,
          SupportedPhoneNumberTypes: [...country.phoneNumberTypes],
        })),
      };
    },
  };
}

export type AvailableNumberSearchService = ReturnType<typeof createAvailableNumberSearchService>;
