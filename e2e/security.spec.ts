import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { seedDemoEvents } from "../lib/demo";
import { localCloudTrail } from "./support/cloudtrail";

const KMS_DENIAL =
  "User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
  "kms:Decrypt on resource: arn:aws:kms:eu-west-1:123456789012:key/1234abcd because no resource-based policy " +
  "allows the kms:Decrypt action";

/** Records every CSP violation the page reports, as events and as console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

/** Opens a page and checks its policy: a fresh nonce per request and the strict directives. */
async function openWithPolicy(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"])
    expect(policy).toContain(directive);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(response?.headers()["strict-transport-security"]).toBeUndefined();
  return policy;
}

test("every page has a strict CSP, and using each reports no violation", async ({ page, request }) => {
  const violations = await watchViolations(page);

  const first = await openWithPolicy(page, "/");
  await page.getByLabel("AWS error text").fill(KMS_DENIAL);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card").first()).toBeVisible();
  expect(await openWithPolicy(page, "/")).not.toBe(first);

  await localCloudTrail.reset(request);
  await openWithPolicy(page, "/lookup");
  await page.getByLabel("Execution role ARN").fill("arn:aws:iam::123456789012:role/orders-api-role");
  await page.getByLabel(/Function name/).fill("orders-api");
  await page.getByLabel("Regions", { exact: true }).fill("eu-west-1");
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });

  await openWithPolicy(page, "/trail");
  await page.getByLabel(/Drop a CloudTrail file here/).setInputFiles({
    name: "demo.json.gz",
    mimeType: "application/gzip",
    buffer: gzipSync(JSON.stringify({ Records: seedDemoEvents({ now: new Date(), days: 1 }) })),
  });
  await page.getByRole("button", { name: "Find denials in the file" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });

  expect(violations).toEqual([]);
});

test("the theme script runs under the policy: a saved dark theme applies before paint", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.addInitScript(() => localStorage.setItem("whydenied-theme", "dark"));
  await openWithPolicy(page, "/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(violations).toEqual([]);
});

test("an injected inline event handler is blocked and reported", async ({ page }) => {
  const violations = await watchViolations(page);
  await openWithPolicy(page, "/");
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.setAttribute("onerror", "document.title = 'injected'");
    image.src = "data:,not-an-image";
    document.body.append(image);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.title()).not.toBe("injected");
});
