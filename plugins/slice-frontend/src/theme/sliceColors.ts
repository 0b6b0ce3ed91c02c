import { alpha, useTheme, type Theme } from '@material-ui/core/styles';
import { useMemo } from 'react';

/** The part of a Backstage theme's palette read here (`@backstage/theme` adds `status`). */
type BackstagePaletteStatus = {
  status?: { ok: string; warning: string; error: string; pending: string };
};

/**
 * The colours the plugin draws with, taken from the app's theme so that charts and graphs
 * follow its light or dark palette. Meanings: ok/warning/error/unknown are health and tunnel
 * states (the legend colours); the rest are surfaces, lines and labels of the SVG graphs.
 */
export interface SliceColors {
  dark: boolean;
  ok: string;
  warning: string;
  error: string;
  unknown: string;
  /** Tinted backgrounds of status chips and cells (text on them: `text`). */
  okBackground: string;
  warningBackground: string;
  errorBackground: string;
  infoBackground: string;
  text: string;
  textSecondary: string;
  /** Panel background of graphs, and the halo drawn around their labels. */
  surface: string;
  /** Grid lines of charts; the axis is `axis`. */
  grid: string;
  axis: string;
  divider: string;
  /** Selection and focus. */
  focus: string;
  /** Map: sea, land and borders. */
  sea: string;
  land: string;
  border: string;
  /** A cell or mark without a value (no samples), and the matrix diagonal. */
  none: string;
  /** A colour per data series (latency pairs), readable on `surface`. */
  series: string[];
  /** Black or white text, whichever reads on `background`. */
  contrastText: (background: string) => string;
}

/** Hues of the series colours (category-10 order); lightness follows the theme. */
const SERIES_HUES = [210, 30, 120, 0, 270, 15, 320, 60, 185, 240];

export function sliceColors(theme: Theme): SliceColors {
  const p = theme.palette;
  const status = (p as typeof p & BackstagePaletteStatus).status;
  const dark = p.type === 'dark';
  const ok = status?.ok ?? p.success.main;
  const warning = status?.warning ?? p.warning.main;
  const error = status?.error ?? p.error.main;
  const tint = dark ? 0.3 : 0.18;
  return {
    dark,
    ok,
    warning,
    error,
    unknown: p.text.disabled,
    okBackground: alpha(ok, tint),
    warningBackground: alpha(warning, tint),
    errorBackground: alpha(error, tint),
    infoBackground: alpha(p.info.main, tint),
    text: p.text.primary,
    textSecondary: p.text.secondary,
    surface: p.background.paper,
    grid: p.divider,
    axis: p.text.disabled,
    divider: p.divider,
    focus: p.primary.main,
    sea: alpha(p.info.main, dark ? 0.16 : 0.1),
    land: p.action.selected,
    border: p.divider,
    none: p.action.disabledBackground,
    contrastText: background => p.getContrastText(background),
    series: SERIES_HUES.map(
      h => `hsl(${h}, ${dark ? 70 : 65}%, ${dark ? 65 : 42}%)`,
    ),
  };
}

/** {@link sliceColors} of the current theme. */
export function useSliceColors(): SliceColors {
  const theme = useTheme();
  return useMemo(() => sliceColors(theme), [theme]);
}
