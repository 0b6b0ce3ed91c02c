import { sliceApiSpec } from '@slice-portal/plugin-slice-common';
import Ajv from 'ajv';

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: sliceApiSpec.components });

/**
 * Checks a response body against a component schema of the API document; returns the
 * validator's errors (null when valid), so `expect(...).toBeNull()` shows what drifted.
 */
export function schemaErrors(schema: string, body: unknown) {
  const validate = ajv.compile({ $ref: `spec#/components/schemas/${schema}` });
  return validate(body) ? null : validate.errors;
}
