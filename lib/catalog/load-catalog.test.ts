import { describe, expect, it } from "vitest";
import { catalogCacheSize, loadCatalog } from "./load-catalog";

const MADE_UP_NAMES = 100_000;

describe("loadCatalog's caches", () => {
  it("keep nothing for made-up action and service names, however many are asked for", async () => {
    const catalog = await loadCatalog([{ service: "s3", action: "GetObject" }]);
    expect(catalog.action("s3", "GetObject")?.name).toBe("GetObject");
    const before = catalogCacheSize();

    const madeUp = Array.from({ length: MADE_UP_NAMES }, (_, index) =>
      index % 2 === 0
        ? { service: "s3", action: `MadeUpAction${index}` }
        : { service: `madeup${index}`, action: "GetObject" },
    );
    await loadCatalog(madeUp);
    await loadCatalog([
      { service: "s3", action: "constructor" },
      { service: "constructor", action: "toString" },
    ]);

    expect(catalogCacheSize()).toBe(before);
    expect(catalog.action("s3", "MadeUpAction0")).toBeNull();
  });

  it("still loads each real action once, whatever its case", async () => {
    const catalog = await loadCatalog([{ service: "s3", action: "PutObject" }]);
    const size = catalogCacheSize();
    await loadCatalog([
      { service: "S3", action: "PUTOBJECT" },
      { service: "s3", action: "putobject" },
    ]);
    expect(catalogCacheSize()).toBe(size);
    expect(catalog.action("S3", "putObject")?.name).toBe("PutObject");
  });
});
