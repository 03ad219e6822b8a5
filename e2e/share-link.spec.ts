import { deflateRawSync } from "node:zlib";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";
const ACCOUNT = "123456789012";
const DENIALS =
  `An error occurred (AccessDeniedException) when calling the PutItem operation: User: arn:aws:sts::${ACCOUNT}:` +
  "assumed-role/orders-api-role/orders-api is not authorized to perform: dynamodb:PutItem on resource: " +
  `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders because no identity-based policy allows the dynamodb:PutItem action\n` +
  `An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::${ACCOUNT}:assumed-role/` +
  'orders-api-role/orders-api is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::orders-exports/2026/report.csv" ' +
  "with an explicit deny in a resource-based policy";

interface Sent {
  url: string;
  headers: string;
  body: string;
}

/** Diagnoses the text, makes a link to it and returns the link and what the cards said. */
async function shareFrom(page: Page, text: string, redact: boolean) {
  await page.goto("/");
  await page.getByLabel("AWS error text").fill(text);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card")).toHaveCount(2);
  if (redact) await page.getByLabel("Redact before sharing").check();
  await page.getByRole("button", { name: "Copy link" }).click();
  const field = page.getByLabel(redact ? "Link to this diagnosis, redacted" : "Link to this diagnosis");
  await expect(field).toHaveValue(/#paste=v1\./);
  return { url: await field.inputValue(), layers: await layersOf(page) };
}

async function layersOf(page: Page): Promise<(string | null)[]> {
  const cards = page.getByTestId("finding-card");
  return Promise.all((await cards.all()).map((card) => card.getAttribute("data-layer")));
}

/** Opens a link in a fresh context (no storage, no cache), recording every request the page makes. */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sent: Sent[] = [];
  page.on("request", (request) =>
    sent.push({ url: request.url(), headers: JSON.stringify(request.headers()), body: request.postData() ?? "" }),
  );
  await page.goto(url);
  return { page, sent, close: () => context.close() };
}

function fragmentOf(url: string): string {
  return url.slice(url.indexOf("#") + 1);
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("a paste shared by link opens in a fresh browser with the same cards, and the fragment reaches no server", async ({
  page,
  browser,
}) => {
  const { url, layers } = await shareFrom(page, DENIALS, false);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(layers).toEqual(["execution-role", "resource-policy"]);

  const opened = await openFresh(browser, url);
  await expect(opened.page.getByTestId("finding-card")).toHaveCount(2);
  expect(await layersOf(opened.page)).toEqual(layers);
  await expect(opened.page.getByLabel("AWS error text")).toHaveValue(DENIALS);
  await expect(opened.page.getByText("Opened from a shared link")).toBeVisible();
  await opened.page.screenshot({ path: `${SHOTS}/share-link-opened.png`, fullPage: true });

  const data = fragmentOf(url).split(".").at(-1) ?? "";
  expect(data.length).toBeGreaterThan(40);
  expect(opened.sent.some((request) => request.url.includes("/api/diagnose"))).toBe(true);
  for (const request of opened.sent) {
    expect(request.url).not.toContain("#");
    for (const part of [request.url, request.headers, request.body]) expect(part).not.toContain(data.slice(0, 40));
  }
  await opened.close();
});

test("a redacted link hides the account id and still reads the same", async ({ page, browser }) => {
  const { url, layers } = await shareFrom(page, DENIALS, true);
  await page.screenshot({ path: `${SHOTS}/share-link-redacted-made.png`, fullPage: true });

  const opened = await openFresh(browser, url);
  await expect(opened.page.getByTestId("finding-card")).toHaveCount(2);
  expect(await layersOf(opened.page)).toEqual(layers);
  await expect(opened.page.getByLabel("AWS error text")).toHaveValue(
    /arn:aws:sts::000000000001:assumed-role\/function-role-1\/function-1/,
  );
  const html = await opened.page.content();
  for (const secret of [ACCOUNT, "orders-api-role", "orders-exports", "Orders"]) expect(html).not.toContain(secret);
  for (const request of opened.sent) expect(request.body).not.toContain(ACCOUNT);
  await opened.page.screenshot({ path: `${SHOTS}/share-link-redacted-opened.png`, fullPage: true });
  await opened.close();
});

test("a truncated link says it was cut short and shows no cards", async ({ page, browser }) => {
  const { url } = await shareFrom(page, DENIALS, false);
  const opened = await openFresh(browser, url.slice(0, -25));
  await expect(opened.page.getByTestId("link-error")).toContainText("cut short");
  await expect(opened.page.getByTestId("finding-card")).toHaveCount(0);
  await opened.page.screenshot({ path: `${SHOTS}/share-link-truncated.png`, fullPage: true });

  // A decompression bomb (4 MiB of zeros, a few KiB in the link) is refused at once; the page stays usable.
  const bomb = deflateRawSync(new Uint8Array(4 * 2 ** 20), { level: 9 }).toString("base64url");
  await opened.page.goto(new URL(`/#paste=v1.${bomb.length}.00000000.${bomb}`, url).href);
  await expect(opened.page.getByTestId("link-error")).toContainText("more than the 256 KiB");
  await opened.page.getByLabel("AWS error text").fill(DENIALS);
  await opened.page.getByRole("button", { name: "Diagnose" }).click();
  await expect(opened.page.getByTestId("finding-card")).toHaveCount(2);
  await expect(opened.page.getByTestId("link-error")).toHaveCount(0);
  await opened.close();
});

test("a text too long for a link says so and points to a snapshot", async ({ page }) => {
  // Log lines with unrelated ids do not compress much: past the link limit, the page offers a snapshot instead.
  const noise = Array.from(
    { length: 1500 },
    (_, index) => `req-${(index * 2654435761) % 4294967296} ${index.toString(36)}x`,
  );
  await page.goto("/");
  await page.getByLabel("AWS error text").fill(`${DENIALS}\n${noise.join("\n")}`);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card")).toHaveCount(2);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByTestId("share-link")).toContainText(/over the 8,000 .*Save a snapshot/);
  await page.getByTestId("share-link").screenshot({ path: `${SHOTS}/share-link-too-long.png` });
});

test("the share controls and a bad link's message have no axe violations in dark mode", async ({ page }) => {
  const { url } = await shareFrom(page, DENIALS, true);
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectNoAxeViolations(page);
  await page.getByTestId("share-link").screenshot({ path: `${SHOTS}/share-link-dark.png` });

  await page.goto(url.replace("paste=v1.", "paste=v9."));
  await expect(page.getByTestId("link-error")).toContainText("different version");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/share-link-unknown-version-dark.png` });
});
