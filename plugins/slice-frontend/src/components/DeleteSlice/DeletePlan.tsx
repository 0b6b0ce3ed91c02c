import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SliceRemoval } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import type { WizardFinding } from '../Wizard';

/** What the delete removes (members, namespaces per member, exports that hold it), its steps and findings. */
export function DeletePlan({
  removal,
  plan,
  findings,
}: {
  removal: SliceRemoval;
  plan?: string[];
  findings: WizardFinding[];
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Box data-testid="delete-plan">
      <Typography gutterBottom>{t('deleteSlice.removes')}</Typography>
      <List dense disablePadding>
        <ListItem data-testid="delete-members">
          <ListItemText
            primary={t('deleteSlice.members', {
              n: String(removal.members.length),
              list: removal.members.join(', '),
            })}
          />
        </ListItem>
        {removal.namespaces.length === 0 && (
          <ListItem>
            <ListItemText primary={t('deleteSlice.noNamespaces')} />
          </ListItem>
        )}
        {removal.namespaces.map(row => (
          <ListItem key={row.cluster} data-testid={`delete-ns-${row.cluster}`}>
            <ListItemText
              primary={t('deleteSlice.namespaces', {
                cluster: row.cluster,
                list: row.namespaces.join(', '),
              })}
            />
          </ListItem>
        ))}
        {removal.allowedNamespaces.length > 0 && (
          <ListItem>
            <ListItemText
              primary={t('deleteSlice.allowed', {
                list: removal.allowedNamespaces.join(', '),
              })}
            />
          </ListItem>
        )}
      </List>
      {removal.exports.length > 0 && (
        <Alert severity="warning" data-testid="delete-exports">
          {t('deleteSlice.exports')}
          <ul style={{ margin: 0 }}>
            {removal.exports.map(e => (
              <li key={`${e.service}.${e.namespace}`}>
                {t('deleteSlice.exportOn', {
                  service: e.service,
                  namespace: e.namespace,
                  clusters: e.clusters.join(', '),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {findings.map((f, i) => (
        <Alert
          key={`${f.path}-${i}`}
          severity={f.severity}
          data-testid="delete-finding"
          style={{ marginTop: 8 }}
        >
          {f.message}
        </Alert>
      ))}
      {plan && plan.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2">{t('deleteSlice.plan')}</Typography>
          <ol data-testid="delete-steps" style={{ marginTop: 4 }}>
            {plan.map(step => (
              <li key={step}>
                <Typography variant="body2">{step}</Typography>
              </li>
            ))}
          </ol>
        </Box>
      )}
    </Box>
  );
}
