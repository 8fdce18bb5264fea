import { setImmediate } from 'node:timers/promises';

/**
 * Runs `work` over `items` a slice at a time, giving the event loop back between slices, so a
 * portfolio-wide computation (a what-if over every 自评表 of a year) never stalls other users.
 */
export async function inSlices<T, R>(items: readonly T[], size: number, work: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await setImmediate();
    for (const item of items.slice(start, start + size)) results.push(work(item));
  }
  return results;
}
