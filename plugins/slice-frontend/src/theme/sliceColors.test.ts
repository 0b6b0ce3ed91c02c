import { createTheme } from '@material-ui/core/styles';
import { healthColor, tunnelColor } from '../components/Topology/layout';
import { latencyColor } from '../components/Latency/scale';
import { sliceColors } from './sliceColors';

const status = {
  ok: '#1db855',
  warning: '#ff9800',
  error: '#e22134',
  pending: '#fff59d',
};

describe('sliceColors', () => {
  it("takes the state colours from Backstage's palette.status", () => {
    const theme = createTheme({ palette: { status } as object });
    const colors = sliceColors(theme);
    expect(tunnelColor('UP', colors)).toBe(status.ok);
    expect(tunnelColor('DEGRADED', colors)).toBe(status.warning);
    expect(tunnelColor('DOWN', colors)).toBe(status.error);
    expect(tunnelColor(undefined, colors)).toBe(theme.palette.text.disabled);
    expect(healthColor('warning', colors)).toBe(status.warning);
    expect(healthColor('unknown', colors)).toBe(theme.palette.text.disabled);
  });

  it('falls back to MUI success/warning/error without it', () => {
    const theme = createTheme();
    const colors = sliceColors(theme);
    expect(colors.ok).toBe(theme.palette.success.main);
    expect(colors.warning).toBe(theme.palette.warning.main);
    expect(colors.error).toBe(theme.palette.error.main);
  });

  it('follows a dark theme: surfaces, text and lighter series colours', () => {
    const light = sliceColors(createTheme({ palette: { type: 'light' } }));
    const dark = sliceColors(createTheme({ palette: { type: 'dark' } }));
    expect(dark.dark).toBe(true);
    expect(dark.surface).not.toBe(light.surface);
    expect(dark.text).not.toBe(light.text);
    expect(dark.series[0]).not.toBe(light.series[0]);
    // Labels drawn on a graph's surface read on it in both themes.
    expect(light.contrastText(light.surface)).toBe(
      createTheme().palette.getContrastText('#fff'),
    );
    expect(dark.contrastText(dark.surface)).toBe('#fff');
  });

  it('a latency without a value takes the theme’s "none" colour', () => {
    const colors = sliceColors(createTheme({ palette: { type: 'dark' } }));
    expect(latencyColor(null, colors.none)).toBe(colors.none);
    expect(latencyColor(20, colors.none)).toMatch(/^hsl\(/);
  });
});
