import { CodeSnippet, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import Alert from '@material-ui/lab/Alert';
import { useTheme } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringify } from 'yaml';
import {
  stepOfField,
  type WizardStepFields,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import type { WriteResult } from '../../api/SliceApi';
import type { SliceWriteError } from '../../api/SliceWriteError';
import { downloadYaml } from './downloadYaml';
import type { WizardFinding } from './findings';
import { useWizardNav } from './WizardContext';
import { WriteErrorAlert } from './WriteErrorAlert';

/**
 * The line height of a CodeSnippet, from the theme. Its highlighter sets none, so it inherits
 * the page's, `normal` (about 1.15) in an app with Backstage UI's stylesheet: lines touch,
 * and one of only high glyphs (`- '*'`, nothing below the middle of the line) reads as
 * half a line.
 */
export function useCodeSnippetStyle(): { lineHeight?: number | string } {
  return { lineHeight: useTheme().typography.body2.lineHeight };
}

export interface ReviewStepProps {
  steps: readonly WizardStepFields[];
  checking: boolean;
  /** The dry run's answer. */
  result?: WriteResult;
  /** The dry run's (or the apply's) refusal, when it was one. */
  error?: SliceWriteError;
  findings: WizardFinding[];
  fileName: string;
  /** The request body, shown when the hub refused to produce the object. */
  request?: unknown;
  applying: boolean;
  onApply(): void;
  onRetry(): void;
}

/**
 * The last step of every wizard: the YAML the hub would store (from the dry run), preflight's
 * findings, each error linked to the step with its field, Download YAML and Apply (blocked
 * while an error remains).
 */
export function ReviewStep(props: ReviewStepProps) {
  const { steps, checking, result, error, findings, fileName } = props;
  const { t } = useTranslationRef(sliceTranslationRef);
  const nav = useWizardNav();
  const codeStyle = useCodeSnippetStyle();
  if (checking) {
    return (
      <Box data-testid="review-checking">
        <Typography>{t('wizard.checking')}</Typography>
        <Progress />
      </Box>
    );
  }
  const blocked =
    !result || findings.some(f => f.severity === 'error') || props.applying;
  return (
    <Box data-testid="review">
      {error && error.kind !== 'invalid' && (
        <WriteErrorAlert error={error} onRetry={props.onRetry} />
      )}
      <Typography variant="h6">{t('wizard.findingsTitle')}</Typography>
      {findings.length === 0 ? (
        <Typography data-testid="no-findings">
          {t('wizard.noFindings')}
        </Typography>
      ) : (
        <List dense data-testid="findings">
          {findings.map((f, i) => {
            const step = stepOfField(steps, f.path);
            return (
              <ListItem
                key={`${f.path}-${f.code ?? ''}-${i}`}
                button={Boolean(step) as true}
                onClick={step ? () => nav.goTo(step) : undefined}
                data-testid="finding"
                data-path={f.path}
              >
                <ListItemIcon>
                  {f.severity === 'error' ? (
                    <ErrorIcon color="error" />
                  ) : (
                    <WarningIcon color="action" />
                  )}
                </ListItemIcon>
                <ListItemText
                  primary={f.message}
                  secondary={
                    step
                      ? `${f.path} · ${t('wizard.goToStep', {
                          step: nav.stepTitle(step) ?? step,
                        })}`
                      : f.path || t('wizard.generalProblem')
                  }
                />
              </ListItem>
            );
          })}
        </List>
      )}
      <Box mt={2}>
        <Typography variant="h6">{t('wizard.yamlTitle')}</Typography>
        {result ? (
          <CodeSnippet
            text={result.yaml}
            language="yaml"
            showCopyCodeButton
            customStyle={codeStyle}
          />
        ) : (
          <>
            <Alert severity="info">{t('wizard.yamlRefused')}</Alert>
            {props.request !== undefined && (
              <CodeSnippet
                text={stringify(props.request)}
                language="yaml"
                customStyle={codeStyle}
              />
            )}
          </>
        )}
      </Box>
      <Box mt={2} display="flex" alignItems="center" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          disabled={!result}
          onClick={() => result && downloadYaml(fileName, result.yaml)}
        >
          {t('wizard.downloadYaml')}
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={blocked}
          onClick={props.onApply}
        >
          {props.applying ? t('wizard.applying') : t('wizard.apply')}
        </Button>
        {result && blocked && !props.applying && (
          <Typography variant="body2" color="error">
            {t('wizard.applyBlocked')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
