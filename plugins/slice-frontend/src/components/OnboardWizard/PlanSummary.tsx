import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  NamespaceClusters,
  NamespacePlan,
  NamespaceWriteRequest,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import type { WriteResult } from '../../api/SliceApi';

export function useRequestLabel() {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (r: NamespaceWriteRequest) => {
    if (r.kind === 'update') return t('onboardWizard.plan.update');
    if (r.kind === 'offboard' && !r.clusters)
      return t('onboardWizard.plan.offboardAll', { namespace: r.namespace });
    return t(`onboardWizard.plan.${r.kind}`, {
      namespace: r.namespace,
      clusters: r.clusters?.includes('*')
        ? t('onboardWizard.plan.every')
        : (r.clusters ?? []).join(', '),
    });
  };
}

/** The review's "what changes": per namespace now → after, isolation, the writes in order, the hub's diff. */
export function PlanSummary({
  plan,
  review,
}: {
  plan: NamespacePlan;
  review?: WriteResult;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const label = useRequestLabel();
  const where = (c: NamespaceClusters | undefined) => {
    if (c === undefined) return t('onboardWizard.plan.none');
    if (c === '*') return t('onboardWizard.plan.every');
    return c.join(', ');
  };
  const onOff = (b: boolean) =>
    b ? t('onboardWizard.plan.on') : t('onboardWizard.plan.off');
  return (
    <Box mb={3} data-testid="plan-summary">
      <Typography variant="h6">{t('onboardWizard.plan.title')}</Typography>
      {plan.changes.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('onboardWizard.plan.namespace')}</TableCell>
              <TableCell>{t('onboardWizard.plan.before')}</TableCell>
              <TableCell>{t('onboardWizard.plan.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.changes.map(c => (
              <TableRow key={c.namespace} data-testid={`plan-${c.namespace}`}>
                <TableCell>{c.namespace}</TableCell>
                <TableCell>{where(c.before)}</TableCell>
                <TableCell>{where(c.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {plan.isolation && (
        <Typography variant="body2">
          {t('onboardWizard.plan.isolation', {
            before: onOff(plan.isolation.before),
            after: onOff(plan.isolation.after),
          })}
        </Typography>
      )}
      {plan.addAllowed.length > 0 && (
        <Typography variant="body2">
          {t('onboardWizard.plan.allowedAdded', {
            list: plan.addAllowed.join(', '),
          })}
        </Typography>
      )}
      {plan.removeAllowed.length > 0 && (
        <Typography variant="body2">
          {t('onboardWizard.plan.allowedRemoved', {
            list: plan.removeAllowed.join(', '),
          })}
        </Typography>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">
          {t('onboardWizard.plan.writes', {
            n: String(plan.requests.length),
          })}
        </Typography>
        <ol data-testid="plan-writes">
          {plan.requests.map((r, i) => (
            <li key={i}>
              <Typography variant="body2">{label(r)}</Typography>
            </li>
          ))}
        </ol>
      </Box>
      {review && (
        <Box mt={2} data-testid="plan-diff">
          <Typography variant="subtitle2">
            {t('onboardWizard.plan.diff')}
          </Typography>
          {review.diff.text ? (
            <CodeSnippet text={review.diff.text} language="diff" />
          ) : (
            <Typography variant="body2">
              {t('onboardWizard.plan.noDiff')}
            </Typography>
          )}
          {plan.requests.length > 1 && (
            <Typography variant="body2" color="textSecondary">
              {t('onboardWizard.plan.yamlNote', {
                n: String(plan.requests.length),
              })}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}
