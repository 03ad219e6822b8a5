import { expect, test, type Page } from "@playwright/test";
import { localCloudTrail } from "./support/cloudtrail";

const ORDERS_ROLE = "arn:aws:iam::123456789012:role/orders-api-role";

test.beforeEach(async ({ page, request }) => {
  await localCloudTrail.reset(request);
  await page.goto("/lookup");
  await expect(page.getByLabel("Execution role ARN")).toBeVisible();
});

async function fillLookup(
  page: Page,
  options: { role?: string; functionName?: string; regions?: string; window?: string } = {},
) {
  await page.getByLabel("Execution role ARN").fill(options.role ?? ORDERS_ROLE);
  await page.getByLabel(/Function name/).fill(options.functionName ?? "orders-api");
  await page.getByLabel("Regions", { exact: true }).fill(options.regions ?? "eu-west-1");
  await page.getByLabel("Time window", { exact: true }).selectOption({ label: options.window ?? "Last 24 hours" });
}

test("a lookup streams its progress, groups the denials and links each event", async ({ page, request }) => {
  await expect(page.getByLabel("The configured CloudTrail endpoint")).toBeChecked();
  await fillLookup(page);
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");

  const groups = page.getByTestId("denial-group");
  await expect(groups).toHaveCount(2);
  const layers = await groups.evaluateAll((items) => items.map((item) => item.getAttribute("data-layer")));
  expect(layers.sort()).toEqual(["execution-role", "kms-key-policy"]);
  await expect(groups.first().getByTestId("finding-card")).toBeVisible();

  const link = page
    .getByTestId("event-row")
    .first()
    .getByRole("link", { name: /Open in CloudTrail/ });
  await expect(link).toHaveAttribute(
    "href",
    /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudtrailv2\/home\?region=eu-west-1#\/events\//,
  );
  expect((await localCloudTrail.stats(request)).throttled).toBe(0);
  await page.screenshot({ path: "test-results/lookup-results.png", fullPage: true });
});

test("injected 5xx answers are retried and nothing is lost", async ({ page, request }) => {
  await localCloudTrail.inject(request, { times: 2, status: 503 });
  await fillLookup(page);
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-counts")).toContainText("2 requests retried");
  await expect(page.getByTestId("denial-group")).toHaveCount(2);
});

test("Cancel stops the scan on the server and keeps what was found", async ({ page, request }) => {
  await fillLookup(page, {
    role: "arn:aws:iam::123456789012:role/billing-sync-role",
    functionName: "",
    regions: "us-east-1",
    window: "Last 7 days",
  });
  await page.getByLabel(/Also search us-east-1/).uncheck();
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByTestId("run-counts")).toContainText(/^[3-9] pages read|^\d\d pages read/, { timeout: 20_000 });
  // Hold the next request at the endpoint: Cancel must hang it up rather than wait for its answer.
  await localCloudTrail.inject(request, { times: 1, delayMs: 600_000, region: "us-east-1" });
  await expect.poll(async () => (await localCloudTrail.stats(request)).faultsServed).toBe(1);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/^Cancelled/)).toBeVisible();
  await expect.poll(async () => (await localCloudTrail.stats(request)).abandoned).toBe(1);
  await expect(page.getByTestId("denial-group").first()).toBeVisible();
  // A whole second lookup, elsewhere, gives a scan that kept going every chance to show itself.
  const usEastAtCancel = (await localCloudTrail.stats(request)).byRegion["us-east-1"]?.requests;
  await fillLookup(page);
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  expect((await localCloudTrail.stats(request)).byRegion["us-east-1"]?.requests).toBe(usEastAtCancel);
});

test("a wrong ARN is explained before anything is sent", async ({ page }) => {
  let lookups = 0;
  page.on("request", (sent) => {
    if (sent.url().endsWith("/api/lookup")) lookups++;
  });
  await fillLookup(page, { role: "arn:aws:lambda:eu-west-1:123456789012:function:orders-api" });
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/That is a Lambda function ARN/)).toBeVisible();
  expect(lookups).toBe(0);
});

test("when whydenied itself may not call LookupEvents, the page shows the policy it needs", async ({
  page,
  request,
}) => {
  await localCloudTrail.inject(request, { times: 1, code: "AccessDeniedException" });
  await fillLookup(page);
  await page.getByRole("button", { name: "Find denials" }).click();
  const error = page.getByTestId("run-error");
  await expect(error).toHaveAttribute("data-code", "lookup.denied");
  await expect(error).toContainText('"Action": "cloudtrail:LookupEvents"');
  await expect(error.getByRole("button", { name: "Copy the policy whydenied needs" })).toBeVisible();
});

test("recent role ARNs are remembered in this browser", async ({ page }) => {
  await fillLookup(page);
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.locator(`#recent-roles option[value="${ORDERS_ROLE}"]`)).toHaveCount(1);
});

test("a lookup's link reopens the form filled in, for a teammate", async ({ page }) => {
  await fillLookup(page, { window: "Last 6 hours" });
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  const link = page.url();
  expect(link).toContain(`role=${encodeURIComponent(ORDERS_ROLE)}`);
  const teammate = await page.context().newPage();
  await teammate.goto(link);
  await expect(teammate.getByLabel("Execution role ARN")).toHaveValue(ORDERS_ROLE);
  await expect(teammate.getByLabel(/Function name/)).toHaveValue("orders-api");
  await expect(teammate.getByLabel("Time window")).toHaveValue("6");
});
