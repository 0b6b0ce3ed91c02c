import { useEffect, useState } from 'react';
import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';
import { downloadYaml } from '../Wizard';
import { useCodeSnippetStyle } from '../Wizard/ReviewStep';

/** Copies through the Clipboard API, or a selected text area where it is missing (plain http). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand?.('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/**
 * A block of text to hand to a terminal or a repository (Helm values, a command, a
 * manifest), with a Copy button and, when `fileName` is given, a Download button.
 */
export function CodeBlock({
  title,
  text,
  language,
  fileName,
  testId,
}: {
  title: string;
  text: string;
  language: 'yaml' | 'bash';
  fileName?: string;
  testId?: string;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const codeStyle = useCodeSnippetStyle();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Box mt={2} data-testid={testId}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1" style={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <Button
          size="small"
          variant="outlined"
          startIcon={<FileCopyIcon fontSize="small" />}
          onClick={() =>
            copyText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('codeBlock.copied') : t('codeBlock.copy')}
        </Button>
        {fileName && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<GetAppIcon fontSize="small" />}
            onClick={() => downloadYaml(fileName, text)}
          >
            {t('codeBlock.download', { file: fileName })}
          </Button>
        )}
      </Box>
      {/* Long lines (a ca.crt value) wrap, breaking anywhere: a base64 value has no spaces
          to break at, and a horizontal scrollbar is easy to miss (or hidden). Copy and
          Download give the text as it is. */}
      <CodeSnippet
        text={text}
        language={language}
        wrapLongLines
        customStyle={{ ...codeStyle, wordBreak: 'break-all' }}
      />
    </Box>
  );
}
