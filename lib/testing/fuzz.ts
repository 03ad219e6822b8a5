/**
 * The fuzz suite's knobs. `npm test` runs each property a bounded number of times; `npm run fuzz` sets
 * FUZZ_SCALE (default there: 50) to run each one that many times more, with the same per-input budget.
 */
const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? "1") || 1);

/** `runs` inputs per property in `npm test`, FUZZ_SCALE times as many under `npm run fuzz`. */
export function fuzzRuns(runs: number): number {
  return runs * scale;
}

/** What one input may cost: generous bounds (a regression is orders of magnitude past them), not a benchmark. */
export interface InputBudget {
  /** CPU time of the whole process (zlib's worker threads included), in ms. */
  cpuMs: number;
  /** Growth of the JS heap plus external memory (Buffers) from before to after the input, in bytes. */
  memoryBytes: number;
}

/** Any one fuzz input: the slowest real inputs take about 0.3 s of CPU and a few MiB on a loaded 2-core machine. */
const INPUT_BUDGET: InputBudget = { cpuMs: 2_000, memoryBytes: 256 * 1024 * 1024 };

function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/**
 * Runs `work` on one input and fails when it cost more CPU time or memory than `budget` (the property's
 * per-input check); returns what `work` returned.
 */
export async function withinInputBudget<T>(work: () => T | Promise<T>, budget: InputBudget = INPUT_BUDGET): Promise<T> {
  const cpuBefore = process.cpuUsage();
  const memoryBefore = memoryInUse();
  const result = await work();
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const grown = memoryInUse() - memoryBefore;
  if (cpuMs > budget.cpuMs)
    throw new Error(`One input took ${Math.round(cpuMs)} ms of CPU; the budget is ${budget.cpuMs} ms.`);
  if (grown > budget.memoryBytes)
    throw new Error(
      `One input grew memory by ${Math.round(grown / 1024 / 1024)} MiB; the budget is ${budget.memoryBytes / 1024 / 1024} MiB.`,
    );
  return result;
}
