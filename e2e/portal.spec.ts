import { expect, test, type Page } from "@playwright/test";
import { portalDemoDenial } from "../lib/demo";
import { portalAws } from "./support/cloudtrail";
import { expectNoAxeViolations } from "./support/accessibility";

/** oauth2-proxy's headers for a signed-in user: what the simulated proxy (these specs) adds to every request. */
const signedIn = (email: string, groups: string) => ({
  "X-Forwarded-Email": email,
  "X-Forwarded-User": email.split("@")[0] ?? email,
  "X-Forwarded-Groups": groups,
});
const ALICE = signedIn("alice@example.com", "platform,developers");
const BOB = signedIn("bob@example.com", "developers");

const PRODUCTION_DENIAL =
  "An error occurred (AccessDeniedException) when calling the PutItem operation: " +
  "User: arn:aws:sts::222222222222:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
  "dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:222222222222:table/Orders " +
  "because no identity-based policy allows the dynamodb:PutItem action";

/** A denial in production carrying the authorization id the portal's local endpoint answers for that account. */
const PROVEN_DENIAL = portalDemoDenial("222222222222");

async function diagnose(page: Page, text: string) {
  await page.goto("/");
  await page.getByLabel("AWS error text").fill(text);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card").first()).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a request without the proxy's identity headers gets 401, for the API and the pages alike", async ({
  request,
}) => {
  const api = await request.get("/api/portal");
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ code: "auth.unauthenticated" });
  expect((await request.get("/lookup")).status()).toBe(401);
});

test.describe("alice (platform, developers)", () => {
  test.use({ extraHTTPHeaders: ALICE });

  test("sees who she is and both accounts; choosing one sets its Regions", async ({ page }) => {
    await page.goto("/lookup");
    const user = page.getByTestId("signed-in-user");
    await expect(user).toContainText("Signed in as alice@example.com");
    await expect(user).toHaveAttribute("title", "Groups: platform, developers");
    const picker = page.getByLabel("AWS account");
    await expect(picker.getByRole("option")).toHaveText(["sandbox · 111111111111", "production · 222222222222"]);
    await expect(page.getByLabel("Regions", { exact: true })).toHaveValue("us-east-1");
    await picker.selectOption({ label: "production · 222222222222" });
    await expect(page.getByLabel("Regions", { exact: true })).toHaveValue("eu-west-1, us-east-1");
    await expect(page.getByLabel("Demo data (no AWS account needed)")).toHaveCount(0);
  });

  test("a pasted error in one of her accounts offers the lookup of its role there", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("AWS error text").fill(PRODUCTION_DENIAL);
    await page.getByRole("button", { name: "Diagnose" }).click();
    await expect(page.getByTestId("finding-card")).toHaveCount(1);
    const offer = page.getByRole("link", { name: "Look up orders-api-role in production" });
    await expect(offer).toBeVisible();
    await offer.click();
    await expect(page).toHaveURL(/\/lookup\?/);
    await expect(page.getByLabel("AWS account")).toHaveValue("222222222222");
    await expect(page.getByLabel("Execution role ARN")).toHaveValue(
      "arn:aws:sts::222222222222:assumed-role/orders-api-role/orders-api",
    );
    await expect(page.getByLabel("Regions", { exact: true })).toHaveValue("eu-west-1");
  });

  test("a pasted denial with an authorization id of her account is proven by AWS, above the findings", async ({
    page,
  }) => {
    await diagnose(page, PROVEN_DENIAL.message);
    const authority = page.getByTestId("authority");
    await expect(authority).toHaveAttribute("data-status", "proven");
    await expect(authority).toContainText("Proven by AWS: the authorization details in account production show");
    await expect(authority).toContainText("DenyOrdersSecretsOutsideDeploys");
    await expect(page.getByTestId("finding-card").first()).toContainText("Proven by AWS");
    await expectNoAxeViolations(page);
  });

  // The endpoint's stats are not reset: the portal caches each role session, so a retried test assumes no role again.
  for (const { account, accountId } of [
    { account: "sandbox", accountId: "111111111111" },
    { account: "production", accountId: "222222222222" },
  ])
    test(`a lookup in ${account} reads ${account}'s CloudTrail with its role, in her name`, async ({
      page,
      request,
    }) => {
      await page.goto("/lookup");
      await page.getByLabel("AWS account").selectOption(accountId);
      await page.getByLabel("Execution role ARN").fill(`arn:aws:iam::${accountId}:role/orders-api-role`);
      await page.getByLabel(/Function name/).fill("orders-api");
      await page.getByLabel("Regions", { exact: true }).fill("eu-west-1");
      await page.getByLabel("Time window", { exact: true }).selectOption({ label: "Last 7 days" });
      await page.getByRole("button", { name: "Find denials" }).click();
      await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("denial-group").first()).toBeVisible();
      const principals = await page
        .getByTestId("event-row")
        .locator("td[title^='arn:']")
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title")));
      expect(principals.length).toBeGreaterThan(0);
      for (const principal of principals) expect(principal).toContain(`:${accountId}:`);
      const stats = await portalAws.stats(request);
      expect(stats.assumedRoles).toContainEqual(
        expect.objectContaining({
          roleArn: `arn:aws:iam::${accountId}:role/whydenied-reader`,
          sourceIdentity: "alice@example.com",
        }),
      );
      expect(stats.throttled).toBe(0);
    });
});

test.describe("the team's history and audit log", () => {
  test("alice's lookups and diagnoses are listed on Recent, and the audit log she exports names her", async ({
    page,
  }) => {
    await page.setExtraHTTPHeaders(ALICE);
    await diagnose(page, PRODUCTION_DENIAL);
    await page.getByRole("link", { name: "Recent" }).click();
    await expect(page.getByRole("heading", { name: "Recent diagnoses" })).toBeVisible();
    const rows = page.getByTestId("recent-run");
    await expect(rows.first()).toContainText("alice@example.com");
    await expect(rows.first()).toContainText("production");
    await expect(rows.first()).toContainText("dynamodb:PutItem");
    await expect(rows.filter({ hasText: "sandbox" }).first()).toBeVisible();

    // The simulated proxy is this test's headers, which a browser download does not carry: fetch the link as alice.
    const exportLink = page.getByRole("link", { name: "Export audit log (JSON Lines)" });
    const exported = await page.request.get((await exportLink.getAttribute("href")) ?? "", { headers: ALICE });
    expect(exported.headers()["content-type"]).toContain("application/x-ndjson");
    const lines = (await exported.text()).trim().split("\n");
    const entries = lines.map((line) => JSON.parse(line) as { user: string; accountId: string; purpose: string });
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: "alice@example.com", accountId: "111111111111", purpose: "lookup" }),
        expect.objectContaining({ user: "alice@example.com", accountId: "222222222222", purpose: "lookup" }),
      ]),
    );
  });

  test("bob sees only the runs of the accounts his groups may use, and cannot export the audit log", async ({
    page,
    request,
  }) => {
    await page.setExtraHTTPHeaders(BOB);
    await page.goto("/recent");
    await expect(page.getByRole("heading", { name: "Recent diagnoses" })).toBeVisible();
    await expect(page.getByTestId("recent-run").filter({ hasText: "production" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export audit log (JSON Lines)" })).toHaveCount(0);
    expect((await request.get("/api/audit.jsonl", { headers: BOB })).status()).toBe(403);
  });
});

test.describe("bob (developers)", () => {
  test.use({ extraHTTPHeaders: BOB });

  test("sees only the account open to every signed-in user, and no offer for production's errors", async ({ page }) => {
    await page.goto("/lookup");
    await expect(page.getByTestId("signed-in-user")).toContainText("bob@example.com");
    await expect(page.getByLabel("AWS account").getByRole("option")).toHaveText(["sandbox · 111111111111"]);
    await page.goto("/");
    await page.getByLabel("AWS error text").fill(PRODUCTION_DENIAL);
    await page.getByRole("button", { name: "Diagnose" }).click();
    await expect(page.getByTestId("finding-card")).toHaveCount(1);
    await expect(page.getByTestId("account-offers")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("production's authorization id is not asked about for him, and the page says so", async ({ page }) => {
    await diagnose(page, PROVEN_DENIAL.message);
    const authority = page.getByTestId("authority");
    await expect(authority).toHaveAttribute("data-status", "not-configured");
    await expect(authority).toContainText("AWS could not be asked:");
    await expect(authority).toContainText("whydenied's own reading");
    await expect(page.getByTestId("finding-card").first()).not.toContainText("Proven by AWS");
  });
});

test.describe("the portal's pages, light and dark, wide and on a phone", () => {
  test.use({ extraHTTPHeaders: ALICE });

  for (const { scheme, width } of [
    { scheme: "light", width: 1280 },
    { scheme: "dark", width: 390 },
    { scheme: "dark", width: 1280 },
    { scheme: "light", width: 390 },
  ] as const) {
    test(`${scheme} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await diagnose(page, PROVEN_DENIAL.message);
      await expect(page.getByTestId("authority")).toBeVisible();
      await expect(page.getByTestId("account-offers")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/portal-paste-${scheme}-${width}.png`, fullPage: true });
      await page.goto("/lookup");
      await expect(page.getByLabel("AWS account")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/portal-lookup-${scheme}-${width}.png`, fullPage: true });
      await page.goto("/recent");
      // The header names her first, then each of her runs (a table row, or a card on a phone).
      await expect(page.getByText("alice@example.com").filter({ visible: true }).nth(1)).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/portal-recent-${scheme}-${width}.png`, fullPage: true });
    });
  }
});
