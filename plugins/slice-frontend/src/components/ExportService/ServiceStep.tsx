import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DNS_LABEL_PATTERN,
  parseLabels,
  type ExportServiceForm,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

const LABEL = new RegExp(DNS_LABEL_PATTERN);
const labelProblem = (value: string) => {
  const v = value.trim();
  if (!v) return 'required';
  return LABEL.test(v) && v.length <= 63 ? undefined : 'invalid';
};

/** What keeps the service step from going on, said as what to fix, or undefined. */
export function useServiceBlocker(form: ExportServiceForm): string | undefined {
  const { t } = useTranslationRef(sliceTranslationRef);
  if (!form.cluster) return t('exportWizard.service.blockers.cluster');
  const namespace = labelProblem(form.namespace);
  if (namespace === 'required')
    return t('exportWizard.service.blockers.namespaceRequired');
  if (namespace) return t('exportWizard.service.blockers.namespaceInvalid');
  const name = labelProblem(form.name);
  if (name === 'required')
    return t('exportWizard.service.blockers.nameRequired');
  if (name) return t('exportWizard.service.blockers.nameInvalid');
  const { labels, problems } = parseLabels(form.selector);
  if (problems.length)
    return t('exportWizard.service.blockers.selectorInvalid', {
      problems: problems.join('; '),
    });
  if (Object.keys(labels).length === 0)
    return t('exportWizard.service.blockers.selectorRequired');
  return undefined;
}

/** Step 1: which cluster the service runs on, its namespace (onboarded there?), name and pods. */
export function ServiceStep({
  form,
  onChange,
  slice,
}: {
  form: ExportServiceForm;
  onChange(patch: Partial<ExportServiceForm>): void;
  slice: Pick<SliceDetail, 'members' | 'namespaceStates'>;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const namespace = form.namespace.trim();
  const onboarded = slice.namespaceStates.some(
    n =>
      n.cluster === form.cluster &&
      n.namespace === namespace &&
      n.state === 'onboarded',
  );
  const namespaceFindings = useFieldFindings('namespace');
  const nameFindings = useFieldFindings(
    'name',
    t('exportWizard.service.nameHelp'),
  );
  const selector = parseLabels(form.selector);
  const selectorFindings = useFieldFindings(
    'spec.selector',
    t('exportWizard.service.selectorHelp'),
  );
  let nsHelp: string | undefined;
  if (namespace && form.cluster)
    nsHelp = onboarded
      ? t('exportWizard.service.namespaceOnboarded', { cluster: form.cluster })
      : t('exportWizard.service.namespaceNotOnboarded', {
          cluster: form.cluster,
        });
  return (
    <>
      <TextField
        select
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('exportWizard.service.cluster')}
        value={form.cluster}
        onChange={e => onChange({ cluster: e.target.value })}
        SelectProps={{
          SelectDisplayProps: { 'data-testid': 'export-cluster' } as object,
        }}
        {...useFieldFindings('cluster')}
      >
        {slice.members.map(m => (
          <MenuItem key={m.cluster} value={m.cluster}>
            {m.cluster}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('exportWizard.service.namespace')}
        value={form.namespace}
        onChange={e => onChange({ namespace: e.target.value })}
        inputProps={{ 'data-testid': 'export-namespace' }}
        {...namespaceFindings}
        error={
          namespaceFindings.error || labelProblem(form.namespace) === 'invalid'
        }
        helperText={
          namespaceFindings.helperText ??
          (labelProblem(form.namespace) === 'invalid'
            ? t('exportWizard.service.nameInvalid')
            : nsHelp)
        }
        FormHelperTextProps={
          {
            'data-testid': 'export-namespace-help',
            'data-onboarded': String(onboarded),
          } as object
        }
      />
      <TextField
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('exportWizard.service.name')}
        value={form.name}
        onChange={e => onChange({ name: e.target.value })}
        inputProps={{ 'data-testid': 'export-name' }}
        {...nameFindings}
        error={nameFindings.error || labelProblem(form.name) === 'invalid'}
        helperText={
          !nameFindings.error && labelProblem(form.name) === 'invalid'
            ? t('exportWizard.service.nameInvalid')
            : nameFindings.helperText
        }
      />
      <TextField
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('exportWizard.service.selector')}
        value={form.selector}
        onChange={e => onChange({ selector: e.target.value })}
        inputProps={{ 'data-testid': 'export-selector' }}
        {...selectorFindings}
        error={selectorFindings.error || selector.problems.length > 0}
        helperText={
          !selectorFindings.error && selector.problems.length
            ? selector.problems.join('; ')
            : selectorFindings.helperText
        }
      />
    </>
  );
}
