import { screen } from '@testing-library/react';

/**
 * The one control (`button`, `a`, `[role="tab"]` …) whose text is `text`.
 *
 * Not getByRole(role, { name }): that computes the accessible name of every candidate, which
 * calls jsdom's getComputedStyle (matching all of MUI's style rules) for each of their nodes —
 * 1–2 s per query on a page after each render (profiled), against ~20 ms this way.
 */
export function getControl(text: string, selector = 'button'): HTMLElement {
  const controls = new Set<HTMLElement>();
  for (const element of screen.queryAllByText(text)) {
    const control = element.closest<HTMLElement>(selector);
    if (control) controls.add(control);
  }
  if (controls.size !== 1) {
    throw new Error(
      `${controls.size} elements ${selector} with the text "${text}"`,
    );
  }
  return [...controls][0];
}
