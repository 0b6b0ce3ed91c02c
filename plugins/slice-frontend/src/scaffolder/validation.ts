import type { ApiHolder } from '@backstage/frontend-plugin-api';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  permissionApiRef,
  type PermissionApi,
} from '@backstage/plugin-permission-react';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  createSliceRequestFor,
  sliceResourceRef,
  sliceUpdatePermission,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../api/SliceApi';
import { SliceWriteError } from '../api/SliceWriteError';
import { scaffolderMessages } from '../messages/scaffolder';
import { sliceTranslationRef } from '../translation';

/** The form fields the pickers read the slice from (a template's `hub`, `project`, `slice`). */
export interface SliceFormData {
  hub?: string;
  project?: string;
  slice?: string;
  name?: string;
  clusters?: string[];
}

/** "You may not change slice …" in the portal's language (its translation of sliceTranslationRef), else English. */
function mayNotChangeText(
  apiHolder: ApiHolder,
  values: { slice: string; permission: string },
): string {
  const snapshot = apiHolder
    .get(translationApiRef)
    ?.getTranslation(sliceTranslationRef);
  if (snapshot?.ready)
    return snapshot.t('scaffolder.validation.mayNotChange', values);
  return scaffolderMessages.validation.mayNotChange
    .replace('{{slice}}', values.slice)
    .replace('{{permission}}', values.permission);
}

/**
 * A dry run's refusal as the errors of one field: the fields the backend named under `prefix`
 * (preflight findings and the API server's validation), or the whole message when it named
 * none there (a 403, say). Other refusals (unreachable backend) are not the field's fault.
 */
function addRefusal(
  error: unknown,
  field: { addError(message: string): void },
  prefix: string,
) {
  if (!(error instanceof SliceWriteError)) return;
  if (error.kind === 'invalid') {
    const mine = error.fields.filter(f => f.path.startsWith(prefix));
    for (const f of mine) field.addError(f.message);
    return;
  }
  if (error.kind === 'forbidden') field.addError(error.message);
}

/**
 * `KubesliceClusterPicker`: the members go through the create-slice preflight (a dry run of the
 * create, with the form's name when it has one) and its findings about `spec.clusters` are the
 * field's errors — a cluster of another project, unregistered, or over `maxClusters`.
 */
export const validateClusters: CustomFieldValidator<string[]> = async (
  data,
  field,
  { apiHolder, formData },
) => {
  const form = formData as SliceFormData;
  const clusters = (data ?? []).filter(Boolean);
  if (!form.hub || !form.project || clusters.length === 0) return;
  const api = apiHolder.get(sliceApiRef);
  if (!api) return;
  const body = createSliceRequestFor({
    hub: form.hub,
    project: form.project,
    // Only the members are this field's: any valid name will do for their checks.
    name: form.name || 'preflight',
    clusters,
  });
  await api
    .createSlice({ hub: form.hub, project: form.project }, body, {
      dryRun: true,
    })
    .catch(error => addRefusal(error, field, 'spec.clusters'));
};

/** `SlicePicker`: a slice the user may change (`kubeslice.slice.update`, decided by the policy). */
export const validateSlice: CustomFieldValidator<string> = async (
  data,
  field,
  { apiHolder, formData },
) => {
  const form = formData as SliceFormData;
  if (!data || !form.hub || !form.project) return;
  const permissions = apiHolder.get(permissionApiRef) as
    | PermissionApi
    | undefined;
  if (!permissions) return;
  const decision = await permissions.authorize({
    permission: sliceUpdatePermission,
    resourceRef: sliceResourceRef({
      hub: form.hub,
      project: form.project,
      name: data,
    }),
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    field.addError(
      mayNotChangeText(apiHolder, {
        slice: data,
        permission: sliceUpdatePermission.name,
      }),
    );
  }
};

/**
 * `SliceNamespacePicker`: the namespace goes through the onboarding preflight (a dry run of
 * the onboarding, on the form's `clusters` or every member) — a conflict with another slice, a
 * reserved namespace, a member that is not on the slice are the field's errors.
 */
export const validateSliceNamespace: CustomFieldValidator<string> = async (
  data,
  field,
  { apiHolder, formData },
) => {
  const form = formData as SliceFormData;
  if (!data || !form.hub || !form.project || !form.slice) return;
  const api = apiHolder.get(sliceApiRef);
  if (!api) return;
  const clusters = (form.clusters ?? []).filter(Boolean);
  await api
    .onboardNamespace(
      { hub: form.hub, project: form.project, name: form.slice },
      { namespace: data, clusters: clusters.length ? clusters : ['*'] },
      { dryRun: true },
    )
    .catch(error => addRefusal(error, field, ''));
};
