import { describe, expect, it } from "vitest";
import { classifyLicence, licenceOf, licenceProblems } from "./licences";

describe("classifyLicence", () => {
  it.each([
    ["MIT", "allowed"],
    ["Apache-2.0", "allowed"],
    ["(MIT OR GPL-3.0)", "allowed"],
    ["(GPL-3.0-only OR MIT)", "allowed"],
    ["MIT AND ISC", "allowed"],
    ["(MIT AND (BSD-3-Clause OR GPL-2.0))", "allowed"],
    ["GPL-3.0", "copyleft"],
    ["GPL-2.0+", "copyleft"],
    ["AGPL-3.0-only", "copyleft"],
    ["LGPL-3.0-or-later", "copyleft"],
    ["SSPL-1.0", "copyleft"],
    ["MIT AND LGPL-3.0-or-later", "copyleft"],
    ["GPL-2.0 WITH Classpath-exception-2.0", "copyleft"],
    ["(GPL-3.0 OR AGPL-3.0)", "copyleft"],
    ["SEE LICENSE IN LICENSE.md", "unknown"],
    ["UNLICENSED", "unknown"],
    ["", "unknown"],
    ["(MIT", "unknown"],
    ["MIT OR", "unknown"],
    ["(Proprietary OR GPL-3.0)", "unknown"],
  ])("%s is %s", (expression, verdict) => {
    expect(classifyLicence(expression)).toBe(verdict);
  });
});

describe("licenceOf", () => {
  it.each([
    [{ license: "MIT" }, "MIT"],
    [{ license: { type: "ISC" } }, "ISC"],
    [{ licenses: [{ type: "MIT" }, { type: "Apache-2.0" }] }, "(MIT) AND (Apache-2.0)"],
    [{}, null],
    [{ license: 3 }, null],
  ])("reads %j as %s", (manifest, licence) => {
    expect(licenceOf(manifest)).toBe(licence);
  });
});

describe("licenceProblems", () => {
  const exceptions = [{ package: "@img/sharp-libvips-*", licence: "LGPL-3.0-or-later", reason: "reviewed" }];

  it("names copyleft, unknown and missing licences, and lets reviewed exceptions through", () => {
    expect(
      licenceProblems(
        [
          { name: "ok", version: "1.0.0", licence: "MIT" },
          { name: "bad", version: "2.0.0", licence: "AGPL-3.0" },
          { name: "none", version: "3.0.0", licence: null },
          { name: "@img/sharp-libvips-linux-x64", version: "1.3.4", licence: "LGPL-3.0-or-later" },
          { name: "@img/sharp-libvips-linux-x64", version: "2.0.0", licence: "GPL-3.0" },
        ],
        exceptions,
      ),
    ).toEqual([
      "bad@2.0.0: AGPL-3.0 (copyleft)",
      "none@3.0.0: no licence stated",
      "@img/sharp-libvips-linux-x64@2.0.0: GPL-3.0 (copyleft)",
    ]);
  });
});
