import { Type, type TSchema, type TUnsafe } from 'typebox';
import { E164_PATTERN, NEXT_TOKEN_MAX_LENGTH } from './limits';

/** A string limited to the given values; renders as a plain JSON Schema `enum` (and in OpenAPI). */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const E164String = Type.String({ pattern: E164_PATTERN, description: 'A phone number in E.164 format, such as +12065550100' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NextToken = Type.String({ minLength: 1, maxLength: NEXT_TOKEN_MAX_LENGTH });

export function MaxResults(maximum: number) {
  return Type.Integer({ minimum: 1, maximum });
}

/** Path parameter that must be present and non-empty. */
export const IdParam = Type.String({ minLength: 1, maxLength: 256 });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
