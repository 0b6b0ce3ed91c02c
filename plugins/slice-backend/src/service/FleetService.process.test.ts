import { runFixture } from '../__testUtils__/processes';

describe('the fleet service in its own process', () => {
  it('survives throws in every background part: no unhandled rejection, and reconciles go on', async () => {
    const { code, stdout, stderr } = await runFixture('throwingFleet.ts');
    expect(stderr).not.toMatch(/Unhandled|uncaught/i);
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    // ~1.5 s at a 20 ms interval: many reconciles ran after the first one threw.
    expect(result.reconcileCalls).toBeGreaterThan(10);
    expect(result.errorsLogged).toBeGreaterThan(0);
  });
});
