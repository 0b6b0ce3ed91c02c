/**
 * Runs `task` for every item with at most `limit` running at once, and resolves when all have
 * finished. A task that throws does not stop the others; the first error is thrown at the end.
 *
 * Why: reading the credentials of 200 workers one after another made a cold sync wait for 200
 * round trips to the hub before the last worker could start its watches.
 */
export async function forEachLimited<T>(
  items: Iterable<T>,
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  let failure: { error: unknown } | undefined;
  const runner = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const runners = Math.max(1, Math.min(limit, queue.length));
  await Promise.all(Array.from({ length: runners }, runner));
  if (failure) throw failure.error;
}
