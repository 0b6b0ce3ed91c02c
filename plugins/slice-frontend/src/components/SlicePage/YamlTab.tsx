import { CodeSnippet, InfoCard } from '@backstage/core-components';
import type { SliceDetail } from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringify } from 'yaml';
import { sliceTranslationRef } from '../../translation';

/** The SliceConfig as stored on the hub, read-only. */
export function YamlTab({ slice }: { slice: SliceDetail }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const text = stringify(slice.sliceConfig ?? {});
  return (
    <InfoCard
      title={t('sliceTabs.yaml.title')}
      subheader={t('sliceTabs.yaml.subheader')}
    >
      <div data-testid="slice-yaml">
        <CodeSnippet
          text={text}
          language="yaml"
          showLineNumbers
          showCopyCodeButton
        />
      </div>
    </InfoCard>
  );
}
