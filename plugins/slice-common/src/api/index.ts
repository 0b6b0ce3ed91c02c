/**
 * The slice backend's OpenAPI document and the types derived from it. The fragment
 * builders (`helpers.ts`) stay internal: fragments live in this folder.
 */
export { sliceApiSpec, type SliceApiSpec } from './openapi';
export { SOURCE_STATES } from './common';
export {
  DNS_LABEL_MAX_LENGTH,
  DNS_LABEL_PATTERN,
  DNS_SUBDOMAIN_MAX_LENGTH,
  DNS_SUBDOMAIN_PATTERN,
  isDnsLabel,
} from './names';
export type {
  ApiGetPath,
  ApiMethod,
  ApiPath,
  ApiPathParams,
  ApiQuery,
  ApiRequestBody,
  ApiResponse,
  ApiSuccessStatus,
  ApiSchema,
  ApiSchemaName,
} from './types';
export { fillApiPath, apiQueryString, parseWriteError } from './urls';
