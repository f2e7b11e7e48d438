import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ListSupportedPhoneNumberCountriesQuery,
  ListSupportedPhoneNumberCountriesResponse,
  SearchAvailablePhoneNumbersQuery,
  SearchAvailablePhoneNumbersResponse,
} from '../../contract/phone-number.schema';
import type { Services } from '../../services';

/** What can be ordered: SearchAvailablePhoneNumbers and ListSupportedPhoneNumberCountries. */
export const availableNumberRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const availableNumbers = services.availableNumbers;

  app.get('/search', { schema: { operationId: 'SearchAvailablePhoneNumbers', querystring: SearchAvailablePhoneNumbersQuery, response: { 200: SearchAvailablePhoneNumbersResponse } } }, (request) =>
    availableNumbers.search(request.caller, request.query),
  );

  app.get(
    '/phone-number-countries',
    { schema: { operationId: 'ListSupportedPhoneNumberCountries', querystring: ListSupportedPhoneNumberCountriesQuery, response: { 200: ListSupportedPhoneNumberCountriesResponse } } },
    async (request) => availableNumbers.listSupportedCountries(request.caller, request.query['product-type']),
  );
};
