// Tests here start real servers (the fleet simulator, test backends, child processes), which
// on a cold, loaded 2-core machine can take longer than Jest's 5 s default. `testTimeout` in
// package.json is a global Jest option: `backstage-cli repo test` runs every package as one
// Jest project and ignores it, so the timeout is set here, per project, for tests and hooks.
// It stays above `eventually`'s 45 s default, so a condition that never comes fails with the
// last value it saw rather than with a bare "Exceeded timeout".
jest.setTimeout(60_000);
