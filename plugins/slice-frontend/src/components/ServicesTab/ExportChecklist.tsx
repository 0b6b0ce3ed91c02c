import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ChecklistItem } from './exportChecklist';

/** The checklist, first failing step highlighted. */
export function ExportChecklist({ items }: { items: ChecklistItem[] }) {
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
            <Icon>{item.label}</Icon>
            <Typography variant="caption" color="textSecondary" component="div">
              {item.detail}
            </Typography>
          </li>
        );
      })}
    </ol>
  );
}
