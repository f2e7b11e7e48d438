// Request validation with one Ajv per kind of input, as in Fastify's "Validation and Serialization"
// guide. Query strings, path parameters and headers arrive as text, so their values are coerced to
// the schema's types ('50' -> 50). JSON bodies already carry their types and are checked as sent:
// coercing them would accept {"PhoneNumberIds":"+12065550100"} as a one-item list and
// {"CallingName":12} as "12", so a wrongly typed request would change data instead of being refused.
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// Fastify's own defaults, except that unknown members are kept (the SDKs may send newer ones).
const common: Options = { useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false };

function newAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  addFormats(ajv);
  return ajv;
}

const forBodies = newAjv(false);
const forText = newAjv('array');

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? forBodies : forText).compile(schema as object);
