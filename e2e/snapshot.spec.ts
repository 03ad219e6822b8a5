import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createdSnapshotSchema } from "../lib/wire";
import { DATABASE_URL } from "./ports";
import { localCloudTrail } from "./support/cloudtrail";

const ACCOUNT = "123456789012";
const ORDERS_ROLE = `arn:aws:iam::${ACCOUNT}:role/orders-api-role`;
const DENIAL =
  "An error occurred (AccessDeniedException) when calling the PutItem operation: User: " +
  `arn:aws:sts::${ACCOUNT}:assumed-role/orders-api-role/orders-api is not authorized to perform: dynamodb:PutItem ` +
  `on resource: arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders because no identity-based policy allows the ` +
  "dynamodb:PutItem action";

/** Runs SQL on the app's PostgreSQL server directly, not through the app. */
async function database<Row extends pg.QueryResultRow>(query: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(query, values)).rows;
  } finally {
    await client.end();
  }
}

async function sharedLink(page: Page): Promise<string> {
  await page.getByTestId("share-snapshot").getByRole("button", { name: "Save snapshot" }).click();
  const link = page.getByTestId("snapshot-link");
  await expect(link).toHaveValue(/\/d\/[A-Za-z0-9_-]{22}$/);
  return link.inputValue();
}

test("a redacted lookup snapshot holds no account id, on the page or in the database", async ({
  page,
  browser,
  request,
}) => {
  await localCloudTrail.reset(request);
  await page.goto("/lookup");
  await page.getByLabel("Execution role ARN").fill(ORDERS_ROLE);
  await page.getByLabel(/Function name/).fill("orders-api");
  await page.getByLabel("Regions", { exact: true }).fill("eu-west-1");
  await page.getByRole("button", { name: "Find denials" }).click();
  await expect(page.getByText(/^Finished/)).toBeVisible({ timeout: 30_000 });
  const groups = await page.getByTestId("denial-group").count();
  expect(groups).toBeGreaterThan(0);
  await page.getByLabel("Mask account ids and resource names in what is stored").check();
  const link = await sharedLink(page);

  const fresh = await browser.newContext();
  const viewer = await fresh.newPage();
  const response = await viewer.goto(link);
  expect(response?.status()).toBe(200);
  await expect(viewer.getByRole("heading", { name: "Saved CloudTrail lookup" })).toBeVisible();
  await expect(viewer.getByTestId("denial-group")).toHaveCount(groups);
  await expect(viewer.getByText("Account ids and names masked")).toBeVisible();
  expect(await viewer.content()).not.toContain(ACCOUNT);
  await expect(viewer.getByRole("button", { name: "Delete this snapshot" })).toHaveCount(0);
  await fresh.close();

  const id = link.split("/d/")[1];
  const [row] = await database<{ row: string }>("select row_to_json(s)::text as row from snapshots s where id = $1", [
    id,
  ]);
  expect(row?.row).toContain('"redacted":true');
  expect(row?.row).not.toContain(ACCOUNT);
  expect(row?.row).not.toContain("orders-api-role");
});

test("a paste snapshot opens as saved in a fresh browser, re-runs, and its owner can delete it", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await page.getByLabel("AWS error text").fill(DENIAL);
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByTestId("finding-card")).toHaveCount(1);
  const link = await sharedLink(page);

  const fresh = await browser.newContext();
  const viewer = await fresh.newPage();
  const response = await viewer.goto(link);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(await viewer.locator('meta[property^="og:"], meta[name^="twitter:"]').count()).toBe(0);
  await expect(viewer.getByTestId("snapshot-facts")).toContainText(
    /Diagnosed with version \d+\.\d+\.\d+, \d+ \w+ \d{4}/,
  );
  await expect(viewer.getByTestId("finding-card")).toHaveAttribute("data-layer", "execution-role");
  await viewer.getByRole("button", { name: "Re-run with the current engine" }).click();
  await expect(viewer.getByTestId("snapshot-rerun")).toContainText("gives the same diagnosis");
  await fresh.close();

  await page.goto(link);
  await page.getByRole("button", { name: "Delete this snapshot" }).click();
  await expect(page.getByText("This snapshot is deleted")).toBeVisible();
  expect((await page.goto(link))?.status()).toBe(404);
});

test("expired, unknown and malformed snapshot links answer 404 with a kind page", async ({ page, request }) => {
  const created = createdSnapshotSchema.parse(
    await (await request.post("/api/snapshots", { data: { kind: "paste", text: DENIAL, expiry: "1d" } })).json(),
  );
  expect((await page.goto(created.path))?.status()).toBe(200);
  await database("update snapshots set expires_at = now() - interval '1 minute' where id = $1", [created.id]);
  for (const path of [created.path, `/d/${"A".repeat(22)}`, "/d/not-an-id"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("snapshot-not-found")).toContainText("This snapshot is not here");
  }
});

test("screenshots of a snapshot page, light and dark", async ({ browser, request }) => {
  const created = createdSnapshotSchema.parse(
    await (await request.post("/api/snapshots", { data: { kind: "paste", text: DENIAL } })).json(),
  );
  mkdirSync("/tmp/shots", { recursive: true });
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(created.path);
    await expect(page.getByTestId("finding-card")).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/snapshot-${colorScheme}.png`, fullPage: true });
    await context.close();
  }
});
