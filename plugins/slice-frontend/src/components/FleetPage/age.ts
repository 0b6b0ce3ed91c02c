import type { TranslationFunction } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

type SliceT = TranslationFunction<typeof sliceTranslationRef.T>;

/** "12 s ago", "4 min ago", "3 h ago": short ages for sync badges, in the portal's language. */
export function formatAge(
  iso: string | undefined,
  t: SliceT,
  now: number = Date.now(),
): string {
  if (!iso) return t('common.age.never');
  const ms = now - Date.parse(iso);
  if (Number.isNaN(ms)) return t('common.age.unknown');
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return t('common.age.seconds', { n: String(s) });
  const min = Math.round(s / 60);
  if (min < 120) return t('common.age.minutes', { n: String(min) });
  const h = Math.round(min / 60);
  if (h < 48) return t('common.age.hours', { n: String(h) });
  return t('common.age.days', { n: String(Math.round(h / 24)) });
}
