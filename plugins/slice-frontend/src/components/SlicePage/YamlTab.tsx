import { CodeSnippet, InfoCard } from '@backstage/core-components';
import type { SliceDetail } from '@slice-portal/plugin-slice-common';
import { stringify } from 'yaml';

/** The SliceConfig as stored on the hub, read-only. */
export function YamlTab({ slice }: { slice: SliceDetail }) {
  const text = stringify(slice.sliceConfig ?? {});
  return (
    <InfoCard title="SliceConfig" subheader="Read-only; as stored on the hub">
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
