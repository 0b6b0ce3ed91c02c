import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Most tests here render a whole page (MUI, material-table) in jsdom. The first such render
// in a test file builds MUI's style sheets and warms up React: measured 3–5 s for the first
// FleetPage test on a loaded 2-core machine (0.5–1 s for the next ones), and over 15 s for a
// wizard's first test while the machine ran five times the work it has cores for. Allow for
// that in the test timeout and in findBy/waitFor, which otherwise give up after 5 s and 1 s;
// the bounds end hangs, they do not judge speed.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });
