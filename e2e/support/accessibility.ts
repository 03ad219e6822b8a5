import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe over the page as it stands and expects no violation, naming each one and where it is if there is. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => ({
      id: violation.id,
      where: violation.nodes.map((node) => node.target.join(" ")),
    })),
  ).toEqual([]);
}
