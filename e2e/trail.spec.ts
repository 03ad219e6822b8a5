import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { seedDemoEvents } from "../lib/demo";

/** A day of the demo account's events, as CloudTrail would deliver them to S3. */
const day = seedDemoEvents({ now: new Date(), days: 1 });
const trailFile = gzipSync(JSON.stringify({ Records: day }));

test.beforeEach(async ({ page }) => {
  await page.goto("/trail");
});

test("an uploaded .json.gz trail file is streamed, grouped and linked", async ({ page }) => {
  await page.getByLabel(/Drop a CloudTrail file here/).setInputFiles({
    name: "123456789012_CloudTrail_us-east-1_20261123T0000Z_demo.json.gz",
    mimeType: "application/gzip",
    buffer: trailFile,
  });
  await expect(page.getByText(/\.json\.gz · \d/)).toBeVisible();
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-counts")).toContainText(`${day.length.toLocaleString("en")} records scanned`);
  const layers = await page
    .getByTestId("denial-group")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-layer")));
  expect(layers).toEqual(expect.arrayContaining(["execution-role", "kms-key-policy", "resource-policy", "scp"]));
  await expect(page.getByText(/Trail files hold data events too/)).toBeVisible();
  await page.screenshot({ path: "test-results/trail-results.png", fullPage: true });
});

test("a role filter keeps only that role's denials", async ({ page }) => {
  await page
    .getByLabel(/Drop a CloudTrail file here/)
    .setInputFiles({ name: "trail.json.gz", mimeType: "application/gzip", buffer: trailFile });
  await page.getByLabel(/Only this role/).fill("arn:aws:iam::123456789012:role/billing-sync-role");
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  const callers = await page.getByTestId("event-row").locator("td:nth-child(4)").allTextContents();
  expect(callers.length).toBeGreaterThan(0);
  expect(callers.every((caller) => caller.startsWith("billing-sync-role"))).toBe(true);
});

test("pasted lookup-events output works like a file", async ({ page }) => {
  const denied = day.filter((record) => record.errorCode === "AccessDenied").slice(0, 5);
  const output = {
    Events: denied.map((record) => ({ EventId: record.eventID, CloudTrailEvent: JSON.stringify(record) })),
  };
  await page.getByText("…or paste the JSON").click();
  await page.getByLabel("CloudTrail JSON").fill(JSON.stringify(output));
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-counts")).toContainText("5 denials found");
});

test("a denial that a retry resolved is listed apart, closed, with its reason", async ({ page }) => {
  const denied = day.find((record) => /not authorized to perform: kms:Decrypt/.test(String(record.errorMessage)))!;
  // The same call half a minute later, succeeding: the record without its error fields.
  const retried = {
    ...Object.fromEntries(Object.entries(denied).filter(([key]) => !key.startsWith("error"))),
    eventID: "retried-ok",
    eventTime: new Date(Date.parse(denied.eventTime) + 30_000).toISOString(),
  };
  await page.getByText("…or paste the JSON").click();
  await page.getByLabel("CloudTrail JSON").fill(JSON.stringify({ Records: [denied, retried] }));
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  const section = page.getByTestId("resolved-by-retry");
  await expect(section).not.toHaveAttribute("open");
  await expect(page.getByTestId("denial-group")).toHaveCount(0);
  await section.getByRole("heading", { name: "Resolved by retry" }).click();
  await expect(section.getByTestId("retried-group")).toContainText("kms:Decrypt");
  await expect(section).toContainText("a retry resolved it");
  await page.screenshot({ path: "test-results/trail-resolved-by-retry.png", fullPage: true });
});

test("a file that is not CloudTrail gets a clear error", async ({ page }) => {
  await page
    .getByLabel(/Drop a CloudTrail file here/)
    .setInputFiles({ name: "index.html", mimeType: "text/html", buffer: Buffer.from("<!doctype html><p>hello</p>") });
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByTestId("run-error")).toContainText("This is not CloudTrail data");
});

test("nothing chosen gets a hint, not a request", async ({ page }) => {
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByText("Choose a CloudTrail file, drop one here, or paste its JSON.")).toBeVisible();
});
