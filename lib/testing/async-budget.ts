/** Bytes held on the JS heap and in array buffers (where inflated output lives). */
function heldBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Runs `work` once and fails when it took longer than `ms` or grew the memory held by more than `bytes`. Garbage is
 * not collected in between, so anything the work allocated still counts: a decompression bomb expanding in full, or
 * a runaway loop, shows as hundreds of megabytes, far past a budget that bounded work stays well under.
 */
export async function withinAsyncBudget<T>(budget: { ms: number; bytes: number }, work: () => Promise<T>): Promise<T> {
  const startBytes = heldBytes();
  const start = performance.now();
  const result = await work();
  const elapsed = performance.now() - start;
  const grown = heldBytes() - startBytes;
  if (elapsed > budget.ms) throw new Error(`Took ${Math.round(elapsed)} ms; the budget is ${budget.ms} ms.`);
  if (grown > budget.bytes)
    throw new Error(
      `Held ${Math.round(grown / 2 ** 20)} MiB more; the budget is ${Math.round(budget.bytes / 2 ** 20)} MiB.`,
    );
  return result;
}
