import type { PhoneNumberType } from '../../../../src/contract/enums';
import type { SearchQuery } from '../../api/orders';

export interface SearchForm {
  country: string;
  areaCode: string;
  city: string;
  state: string;
  tollFreePrefix: string;
  numberType: PhoneNumberType | '';
}

export type SearchErrors = Partial<Record<keyof SearchForm | 'form', string>>;

/**
 * The rules of SearchAvailablePhoneNumbers, checked before searching: US searches need an area code,
 * city (with its state), state or toll-free prefix; other countries search by number type only.
 */
export function searchProblems(form: SearchForm): SearchErrors {
  const errors: SearchErrors = {};
  const country = form.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.country = 'Enter a two-letter country code such as US.';
  if (form.areaCode && !/^\d{3}$/.test(form.areaCode.trim())) errors.areaCode = 'Enter three digits, such as 206.';
  if (form.state && !/^[A-Za-z]{2}$/.test(form.state.trim())) errors.state = 'Enter a two-letter state code, such as WA.';
  if (form.tollFreePrefix && !/^8\d{2}$/.test(form.tollFreePrefix.trim())) errors.tollFreePrefix = 'Enter a toll-free prefix such as 844.';
  if (form.city.trim() && !form.state.trim()) errors.state = 'A city search needs its state too.';
  if (country === 'US') {
    if (![form.areaCode, form.city, form.state, form.tollFreePrefix].some((v) => v.trim())) errors.form = 'Enter an area code, a city and state, a state or a toll-free prefix.';
  } else if (!form.numberType) {
    errors.numberType = 'Outside the US, choose the number type to search for.';
  }
  return errors;
}

export function searchQuery(form: SearchForm): SearchQuery {
  const query: SearchQuery = { country: form.country.trim().toUpperCase(), 'max-results': 100 };
  if (form.areaCode.trim()) query['area-code'] = form.areaCode.trim();
  if (form.city.trim()) query.city = form.city.trim();
  if (form.state.trim()) query.state = form.state.trim().toUpperCase();
  if (form.tollFreePrefix.trim()) query['toll-free-prefix'] = form.tollFreePrefix.trim();
  if (form.numberType) query['phone-number-type'] = form.numberType;
  return query;
}
