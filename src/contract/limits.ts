// Limits shared by the server's schemas and the console's forms.

export const LIST_MAX_RESULTS = 100;
export const LIST_DEFAULT_RESULTS = 100;
export const SEARCH_MAX_RESULTS = 500;
export const SEARCH_DEFAULT_RESULTS = 100;
/** Items in one BatchUpdatePhoneNumber / BatchDeletePhoneNumber / associate call. */
export const BATCH_MAX_ITEMS = 1000;
export const ORDER_MAX_NUMBERS = 1000;
/** Outbound calling name: letters, digits and spaces, 2 to 15 characters (or empty to clear it). */
export const CALLING_NAME_PATTERN = '^[a-zA-Z0-9 ]{2,15}$';
export const NAME_MAX_LENGTH = 256;
export const NEXT_TOKEN_MAX_LENGTH = 512;
/** E.164: a plus sign and up to 15 digits, the first not zero. */
export const E164_PATTERN = '^\\+[1-9][0-9]{1,14}$';
/** Request bodies above this size are refused before parsing. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
