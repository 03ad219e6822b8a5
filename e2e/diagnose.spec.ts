import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";

const DYNAMO_DENIAL =
  "An error occurred (AccessDeniedException) when calling the PutItem operation: " +
  "User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
  "dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/Orders " +
  "because no identity-based policy allows the dynamodb:PutItem action";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

test("paste → card → copy the fix", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByLabel("AWS error text").fill(DYNAMO_DENIAL);
  await page.getByRole("button", { name: "Diagnose" }).click();

  const card = page.getByTestId("finding-card");
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-layer", "execution-role");
  await expect(card.getByRole("img").first()).toBeVisible();

  const tabs = card.getByTestId("fix-tabs");
  await tabs.getByRole("tab", { name: "CLI" }).click();
  await expect(tabs.getByRole("tabpanel")).toContainText("aws iam put-role-policy --role-name orders-api-role");
  await tabs.getByRole("button", { name: "Copy CLI" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('"Resource":"arn:aws:dynamodb:eu-west-1:123456789012:table/Orders"');

  await tabs.getByRole("tab", { name: "Terraform" }).click();
  await expect(tabs.getByRole("tabpanel")).toContainText("aws_iam_role_policy");
});

test("Ctrl+Enter submits", async ({ page }) => {
  const box = page.getByLabel("AWS error text");
  await box.fill(DYNAMO_DENIAL);
  await box.press("Control+Enter");
  await expect(page.getByTestId("finding-card")).toHaveCount(1);
});

test("every sample diagnoses to a finding", async ({ page }) => {
  const samples = page.getByRole("button", { name: /^Sample:/ });
  const count = await samples.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let index = 0; index < count; index++) {
    await samples.nth(index).click();
    await expect(page.getByTestId("finding-card").first()).toBeVisible();
  }
});

test("samples reach the expected layers", async ({ page }) => {
  await page.getByRole("button", { name: /^Sample:.*KMS/i }).click();
  await expect(page.getByTestId("finding-card").first()).toHaveAttribute("data-layer", "kms-key-policy");
  await page.getByRole("button", { name: /^Sample:.*API Gateway/i }).click();
  await expect(page.getByTestId("finding-card").first()).toHaveAttribute("data-layer", "resource-policy");
});

test("empty input gets an inline hint without a request", async ({ page }) => {
  let requests = 0;
  page.on("request", (request) => {
    if (request.url().includes("/api/diagnose")) requests++;
  });
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByText(/paste an aws error/i).first()).toBeVisible();
  expect(requests).toBe(0);
});

test("oversized input is refused before sending", async ({ page }) => {
  await page.getByLabel("AWS error text").fill("a".repeat(300 * 1024));
  await expect(page.getByText(/over the 256 KiB limit/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Diagnose" })).toBeDisabled();
});

test("unrelated text says no AccessDenied was found", async ({ page }) => {
  await page.getByLabel("AWS error text").fill("just some words, nothing from AWS");
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("no-findings")).toContainText(/No AccessDenied found/i);
});

test("pasted HTML is shown as text, never run", async ({ page }) => {
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> ${DYNAMO_DENIAL}`;
  await page.getByLabel("AWS error text").fill(hostile);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card")).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test("dark mode has no axe violations and is screenshotted", async ({ page }) => {
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByLabel("AWS error text").fill(DYNAMO_DENIAL);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card")).toHaveCount(1);
  // The pointer may rest on a sample chip: its hover colours must pass too.
  await page
    .getByRole("button", { name: /^Sample:/ })
    .first()
    .hover();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/dark-mode.png", fullPage: true });
});

test("light mode has no axe violations on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: /^Sample:.*KMS/i }).click();
  await expect(page.getByTestId("finding-card")).toHaveCount(1);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});
