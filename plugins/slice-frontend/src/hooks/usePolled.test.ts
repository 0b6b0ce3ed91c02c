import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolled } from './usePolled';

describe('usePolled', () => {
  it('keeps the last value after a failed refresh and reports the error', async () => {
    let fail = false;
    const load = jest.fn(async () => {
      if (fail) throw new Error('backend down');
      return 'v1';
    });
    const { result } = renderHook(() => usePolled('k', load, 0));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toBe('v1'));
    fail = true;
    act(() => result.current.refresh());
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend down'),
    );
    expect(result.current.value).toBe('v1');
    expect(result.current.loadedAt).toBeDefined();
  });

  it('never shows the value of a previous key', async () => {
    const { result, rerender } = renderHook(
      ({ key }) => usePolled(key, async () => `value of ${key}`, 0),
      { initialProps: { key: 'a' } },
    );
    await waitFor(() => expect(result.current.value).toBe('value of a'));
    rerender({ key: 'b' });
    expect(result.current.value).toBeUndefined();
    await waitFor(() => expect(result.current.value).toBe('value of b'));
  });

  it('loads nothing without a key', () => {
    const load = jest.fn(async () => 'x');
    const { result } = renderHook(() => usePolled(undefined, load, 0));
    expect(load).not.toHaveBeenCalled();
    expect(result.current.loading).toBe(false);
  });
});
