import { useEffect, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  installCommands,
  valuesFileName,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef, type RegistrationValues } from '../../api/SliceApi';
import { isSliceWriteError, SliceWriteError } from '../../api/SliceWriteError';
import { sliceTranslationRef } from '../../translation';
import { CodeBlock } from '../common/CodeBlock';
import { WriteErrorAlert } from '../Wizard';

const ENDPOINT = /^https:\/\/\S+$/;

/** Answers worth asking again: the Secret is not issued yet (409), no connection, the hub down. */
const retryable = (e: SliceWriteError) =>
  e.kind === 'conflict' || e.kind === 'network' || e.kind === 'unavailable';

/**
 * The worker chart's values for the new cluster, asked for until the controller has issued
 * the worker Secret (the route answers 409 until then), as a values file and the commands
 * to install the chart with it, each with Copy and Download.
 */
export function InstallValues({
  hub,
  project,
  name,
  retryMs = 1000,
}: {
  hub: string;
  project: string;
  name: string;
  retryMs?: number;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const [endpoint, setEndpoint] = useState('');
  const [asked, setAsked] = useState('');
  const [values, setValues] = useState<RegistrationValues>();
  const [error, setError] = useState<SliceWriteError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (delay: number) => {
      try {
        const answer = await api.getRegistrationValues(
          { hub, project, name },
          asked ? { clusterEndpoint: asked } : undefined,
        );
        if (stopped) return;
        setValues(answer);
        setError(undefined);
      } catch (e) {
        if (stopped) return;
        const err = isSliceWriteError(e)
          ? e
          : new SliceWriteError({
              status: 0,
              kind: 'unknown',
              message: String(e),
            });
        setError(err);
        if (retryable(err))
          timer = setTimeout(
            () => ask(Math.min(delay * 2, 10 * retryMs)),
            delay,
          );
      }
    };
    ask(retryMs);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, hub, project, name, asked, retryMs, attempt]);

  const endpointInvalid =
    endpoint.trim() !== '' && !ENDPOINT.test(endpoint.trim());
  return (
    <Box mt={3} data-testid="install-values">
      <Typography variant="h6">
        {t('registerClusterWizard.install.title')}
      </Typography>
      <Typography paragraph>
        {t('registerClusterWizard.install.intro', { name })}
      </Typography>
      {error && !retryable(error) && (
        <WriteErrorAlert error={error} onRetry={() => setAttempt(a => a + 1)} />
      )}
      {!values && (!error || retryable(error)) && (
        <Box data-testid="waiting-secret">
          <Typography color="textSecondary">
            {error && error.kind !== 'conflict'
              ? t('registerClusterWizard.wait.reconnecting')
              : t('registerClusterWizard.install.waitingSecret')}
          </Typography>
          <Progress />
        </Box>
      )}
      {values && (
        <>
          <Alert severity="warning">
            {t('registerClusterWizard.install.secret')}
          </Alert>
          <CodeBlock
            testId="values-file"
            title={t('registerClusterWizard.install.valuesTitle')}
            text={values.yaml}
            language="yaml"
            fileName={valuesFileName(values.command)}
          />
          <CodeBlock
            testId="install-command"
            title={t('registerClusterWizard.install.commandTitle')}
            text={installCommands(values.command)}
            language="bash"
          />
          <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
            <TextField
              margin="normal"
              variant="outlined"
              size="small"
              style={{ minWidth: 360 }}
              label={t('registerClusterWizard.install.endpoint')}
              value={endpoint}
              onChange={e => setEndpoint(e.target.value)}
              inputProps={{ 'data-testid': 'cluster-endpoint' }}
              error={endpointInvalid}
              helperText={t('registerClusterWizard.install.endpointHelp')}
            />
            <Button
              variant="outlined"
              style={{ marginTop: 18 }}
              disabled={endpointInvalid || endpoint.trim() === asked}
              onClick={() => setAsked(endpoint.trim())}
            >
              {t('registerClusterWizard.install.updateValues')}
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}
