import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ChecklistItem,
  ChecklistText,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';

/** The checklist, first failing step highlighted. */
export function ExportChecklist({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  // The keys are a union, so t() cannot tell which values each one takes: they are checked
  // where exportChecklist.ts builds them.
  const translate = (text: ChecklistText) =>
    (t as (key: string, values?: Record<string, string>) => string)(
      `services.checklist.${text.key}`,
      text.values,
    );
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="export-checklist">
      {items.map(item => {
        let Icon = StatusPending;
        if (item.ok === true) Icon = StatusOK;
        if (item.ok === false) Icon = StatusError;
        return (
          <li
            key={item.id}
            data-testid={`check-${item.id}`}
            data-ok={String(item.ok)}
          >
            <Icon>{translate(item.label)}</Icon>
            <Typography variant="caption" color="textSecondary" component="div">
              {translate(item.detail)}
            </Typography>
          </li>
        );
      })}
    </ol>
  );
}
