import path from 'node:path';

/**
 * The package root. This package runs from its TypeScript sources (tsx,
 * Jest) and is never bundled, so the source file's location is reliable —
 * unlike in Backstage backend bundles, which the lint rule below guards against.
 */
// eslint-disable-next-line no-restricted-syntax
export const PACKAGE_ROOT = path.resolve(__dirname, '..');
