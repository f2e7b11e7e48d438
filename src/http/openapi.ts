import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ERROR_CATALOG } from '../contract/errors';

const ERROR_SCHEMA = 'AwsError';
const ERROR_RESPONSE = 'AwsError';
const SIGV4 = 'SigV4';

const SIGV4_DESCRIPTION = [
  'AWS Signature Version 4, exactly as for Amazon Chime: sign each request with an access key of numberyard',
  '(service `chime`, a region numberyard accepts) and send it in the `Authorization` header together with',
  '`X-Amz-Date` (and `X-Amz-Content-Sha256`). The AWS SDK clients (`@aws-sdk/client-chime`, `@aws-sdk/client-chime-sdk-voice`)',
  'and the AWS CLI do this when given numberyard as `endpoint`. The web console signs in with an access key instead',
  'and sends a session cookie.',
].join(' ');

type Operation = { security?: unknown; responses?: Record<string, unknown> };

/**
 * The OpenAPI 3.1 document of the whole API, generated from the route schemas (register before the
 * routes: @fastify/swagger collects them as they are added). Each route's schema names its
 * operation (`operationId`), which logs and metrics use too.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'numberyard',
        version: '1',
        description:
          'Phone number inventory with an Amazon Chime-compatible API (restJson1). Operations that share a method and path in ' +
          'the Chime API are told apart by the `operation` query parameter; each appears here under its own path key ' +
          '`/path?operation=value` (as Smithy renders such operations). Errors have the AWS shape: a JSON body ' +
          '`{"Code","Message"}` and the exception type in the `x-amzn-ErrorType` header.',
      },
      components: {
        securitySchemes: { [SIGV4]: { type: 'apiKey', in: 'header', name: 'Authorization', description: SIGV4_DESCRIPTION } },
        schemas: {
          [ERROR_SCHEMA]: {
            type: 'object',
            required: ['Code', 'Message'],
            properties: {
              Code: { type: 'string', enum: Object.keys(ERROR_CATALOG), description: 'The Chime ErrorCode' },
              Message: { type: 'string' },
            },
          },
        },
        responses: {
          [ERROR_RESPONSE]: {
            description: 'An AWS error: the SDK clients raise the exception named in x-amzn-ErrorType (NotFoundException, BadRequestException ...)',
            headers: {
              'x-amzn-ErrorType': {
                description: 'The AWS exception type',
                schema: { type: 'string', enum: [...new Set(Object.values(ERROR_CATALOG).map((entry) => entry.type))] },
              },
              'x-amzn-RequestId': { description: 'The request id, also in the server log', schema: { type: 'string' } },
            },
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
          },
        },
      },
      security: [{ [SIGV4]: [] }],
    },
    transform({ schema, url, route }) {
      const operation = (route.constraints as { operation?: string } | undefined)?.operation;
      const isPublic = route.config?.auth === 'none';
      if (!operation && !isPublic) return { schema, url };
      const documented: Record<string, unknown> = { ...schema };
      if (isPublic) documented.security = [];
      if (operation) {
        // OpenAPI allows one operation per method and path; the constraint makes the path key distinct.
        const querystring = (schema?.querystring ?? { type: 'object', properties: {} }) as { properties?: object; required?: string[] };
        documented.querystring = {
          ...querystring,
          properties: { ...querystring.properties, operation: { type: 'string', enum: [operation], description: 'Selects this operation' } },
          required: [...(querystring.required ?? []), 'operation'],
        };
      }
      return { schema: documented as typeof schema, url: operation ? `${url}?operation=${operation}` : url };
    },
    transformObject(document) {
      if (!('openapiObject' in document)) return document.swaggerObject;
      const { openapiObject } = document;
      // The error shape is written once and referenced by every operation.
      for (const path of Object.values(openapiObject.paths ?? {})) {
        for (const operation of Object.values(path as Record<string, Operation>)) {
          operation.responses = { ...operation.responses, '4XX': { $ref: `#/components/responses/${ERROR_RESPONSE}` }, '5XX': { $ref: `#/components/responses/${ERROR_RESPONSE}` } };
        }
      }
      return openapiObject;
    },
  });
}
