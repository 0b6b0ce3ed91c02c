/**
 * Node library of the Slice Portal: the slice backend's HTTP API as other backend plugins
 * and modules call it, on behalf of a user or as their own service.
 *
 * @packageDocumentation
 */
export {
  SliceApiClient,
  SliceApiError,
  type CallOptions,
  type Operation,
  type SliceApiClientOptions,
  type WriteFieldError,
  type WriteResult,
} from './SliceApiClient';
