import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";

test.beforeEach(async ({ page }) => {
  await page.goto("/lookup");
});

test("with no AWS credentials the lookup offers the demo data, clearly labelled", async ({ page }) => {
  await expect(page.getByTestId("demo-banner")).toContainText("No AWS credentials on this server");
  await expect(page.getByLabel("Demo data (no AWS account needed)")).toBeChecked();
  await page.getByRole("button", { name: "Demo: nightly-report in us-east-1" }).click();
  await expect(page.getByLabel("Execution role ARN")).toHaveValue("arn:aws:iam::123456789012:role/reports-fn-role");
  await page.getByLabel("Time window").selectOption({ label: "Last 24 hours" });
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  const layers = await page
    .getByTestId("denial-group")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-layer")));
  expect(layers).toContain("kms-key-policy");
  await expect(page.getByTestId("event-row").first()).toContainText("demo event");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/demo-lookup-light.png", fullPage: true });
});

test("the demo lookup is readable in dark mode on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await page.getByRole("button", { name: "Demo: billing-sync in us-east-1" }).click();
  await page.getByLabel("Time window").selectOption({ label: "Last 24 hours" });
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/demo-lookup-dark-phone.png", fullPage: true });
});
