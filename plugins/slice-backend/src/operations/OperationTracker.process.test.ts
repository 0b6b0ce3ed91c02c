import { runFixture } from '../__testUtils__/processes';

describe('the operation tracker in its own process', () => {
  it('survives failures of every dependency: no unhandled rejection, failures logged', async () => {
    const { code, stdout, stderr } = await runFixture('throwingTracker.ts');
    expect(stderr).not.toMatch(/Unhandled|uncaught|fixture failed/i);
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    expect(result.started).toBe(6);
    // The one waiting operation was still running until stop() ended it.
    expect(result.runningBeforeStop).toBe(1);
    expect(result.runningAfterStop).toBe(0);
    // Every failed write was logged at error level; notifier and heartbeat failures as warnings.
    expect(result.errorsLogged).toBeGreaterThan(5);
    expect(result.warningsLogged).toBeGreaterThan(5);
  });
});
