import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DNS_SUBDOMAIN_MAX_LENGTH,
  DNS_SUBDOMAIN_PATTERN,
  type ClusterSummary,
  type RegisterClusterForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';
import type { AllowedProject } from '../common/useProjectsAllowed';

const SUBDOMAIN = new RegExp(DNS_SUBDOMAIN_PATTERN);

/** What is wrong with the name before anything is sent: empty, not a subdomain, taken. */
export function useNameProblem(
  form: RegisterClusterForm,
  clusters: readonly ClusterSummary[],
): string | undefined {
  const { t } = useTranslationRef(sliceTranslationRef);
  const name = form.name.trim();
  if (!name) return t('registerClusterWizard.cluster.nameRequired');
  if (!SUBDOMAIN.test(name) || name.length > DNS_SUBDOMAIN_MAX_LENGTH)
    return t('registerClusterWizard.cluster.nameInvalid');
  if (
    clusters.some(
      c => c.hub === form.hub && c.project === form.project && c.name === name,
    )
  )
    return t('registerClusterWizard.cluster.nameTaken', {
      project: form.project,
      name,
    });
  return undefined;
}

const projectKey = (p: { hub: string; project: string }) =>
  `${p.hub}/${p.project}`;

/** Step 1: the project (only those the user may register in) and the cluster's name. */
export function ClusterStep({
  form,
  onChange,
  projects,
  nameProblem,
  showHub,
}: {
  form: RegisterClusterForm;
  onChange(patch: Partial<RegisterClusterForm>): void;
  projects: AllowedProject[];
  nameProblem?: string;
  showHub: boolean;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const nameFindings = useFieldFindings(
    'metadata.name',
    t('registerClusterWizard.cluster.nameHelp'),
  );
  const typed = form.name.trim() !== '';
  return (
    <>
      <TextField
        select
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('registerClusterWizard.cluster.project')}
        value={form.project ? projectKey(form) : ''}
        onChange={e => {
          const p = projects.find(x => projectKey(x) === e.target.value);
          if (p) onChange({ hub: p.hub, project: p.project });
        }}
        SelectProps={{
          SelectDisplayProps: { 'data-testid': 'project-select' } as object,
        }}
        {...useFieldFindings('params.project')}
      >
        {projects.map(p => (
          <MenuItem
            key={projectKey(p)}
            value={projectKey(p)}
            disabled={!p.allowed}
          >
            {showHub ? `${p.hub} / ${p.project}` : p.project}
            {p.allowed === false &&
              ` — ${t('registerClusterWizard.cluster.projectNotAllowed')}`}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('registerClusterWizard.cluster.name')}
        value={form.name}
        onChange={e => onChange({ name: e.target.value })}
        inputProps={{ 'data-testid': 'cluster-name' }}
        {...nameFindings}
        error={nameFindings.error || (typed && Boolean(nameProblem))}
        helperText={
          nameFindings.error || !typed || !nameProblem
            ? nameFindings.helperText
            : nameProblem
        }
      />
    </>
  );
}
