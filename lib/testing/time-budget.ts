/**
 * Runs `work` once and fails when it took longer than `budgetMs`. A ReDoS check: the linear parser
 * takes milliseconds on these inputs, a backtracking regex minutes, so the budget can be generous.
 */
export function withinBudget<T>(budgetMs: number, work: () => T): T {
  const start = performance.now();
  const result = work();
  const elapsed = performance.now() - start;
  if (elapsed > budgetMs) throw new Error(`Took ${Math.round(elapsed)} ms; the budget is ${budgetMs} ms.`);
  return result;
}
