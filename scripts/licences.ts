/** Which licences a production dependency of whydenied (an MIT project) may have, and how a package's licence is read. */

/** Licences that put no copyleft duty on a project that uses the package. */
const PERMISSIVE = new Set([
  "MIT",
  "MIT-0",
  "ISC",
  "0BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "CC0-1.0",
  "CC-BY-3.0",
  "CC-BY-4.0",
  "Unlicense",
  "BlueOak-1.0.0",
  "Python-2.0",
  "Zlib",
]);

/** Copyleft that would bind an MIT project that ships the package: GPL, AGPL, LGPL (any version) and SSPL. */
const COPYLEFT = /^(?:A|L)?GPL-|^SSPL-/;

export type Verdict = "allowed" | "copyleft" | "unknown";

/**
 * Classifies an SPDX licence expression: `(MIT OR GPL-3.0)` is allowed (one may choose MIT), `MIT AND LGPL-3.0`
 * is copyleft (both apply); `X WITH exception` is judged by X. Anything it cannot read (an empty string, "SEE
 * LICENSE IN …", an unknown id) is unknown, which fails the check until someone reviews it.
 */
export function classifyLicence(expression: string): Verdict {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const worse = (a: Verdict, b: Verdict): Verdict =>
    a === "copyleft" || b === "copyleft" ? "copyleft" : a === "unknown" || b === "unknown" ? "unknown" : "allowed";
  const better = (a: Verdict, b: Verdict): Verdict =>
    a === "allowed" || b === "allowed" ? "allowed" : a === "unknown" || b === "unknown" ? "unknown" : "copyleft";

  const term = (): Verdict | null => {
    const token = tokens[at++];
    if (token === undefined || token === ")" || /^(AND|OR|WITH)$/i.test(token)) return null;
    if (token === "(") {
      const inner = orExpression();
      return tokens[at++] === ")" ? inner : null;
    }
    if (tokens[at]?.toUpperCase() === "WITH") at += 2;
    const id = token.replace(/\+$/, "");
    if (COPYLEFT.test(id)) return "copyleft";
    return PERMISSIVE.has(id) ? "allowed" : "unknown";
  };
  const andExpression = (): Verdict | null => {
    let verdict = term();
    while (verdict !== null && tokens[at]?.toUpperCase() === "AND") {
      at++;
      const next = term();
      verdict = next === null ? null : worse(verdict, next);
    }
    return verdict;
  };
  function orExpression(): Verdict | null {
    let verdict = andExpression();
    while (verdict !== null && tokens[at]?.toUpperCase() === "OR") {
      at++;
      const next = andExpression();
      verdict = next === null ? null : better(verdict, next);
    }
    return verdict;
  }

  const verdict = orExpression();
  return verdict === null || at !== tokens.length ? "unknown" : verdict;
}

/** The licence a package.json states: `license` as a string or `{type}`, or the old `licenses` array (all apply). */
export function licenceOf(manifest: unknown): string | null {
  if (typeof manifest !== "object" || manifest === null) return null;
  const { license, licenses } = manifest as { license?: unknown; licenses?: unknown };
  const named = (value: unknown): string | null =>
    typeof value === "string"
      ? value
      : typeof value === "object" && value !== null && "type" in value && typeof value.type === "string"
        ? value.type
        : null;
  if (license !== undefined) return named(license);
  if (!Array.isArray(licenses)) return null;
  const all = licenses.map(named);
  return all.length > 0 && all.every((name) => name !== null) ? all.map((name) => `(${name})`).join(" AND ") : null;
}

/** A reviewed exception: packages whose name matches `package` (`*` matches any run of characters) with exactly `licence`. */
export interface LicenceException {
  package: string;
  licence: string;
  reason: string;
}

export interface DependencyLicence {
  name: string;
  version: string;
  licence: string | null;
}

/** What fails the check: each dependency whose licence is copyleft, unknown or missing, and no exception covers. */
export function licenceProblems(dependencies: DependencyLicence[], exceptions: LicenceException[]): string[] {
  const excepted = (dependency: DependencyLicence) =>
    exceptions.some(
      (exception) =>
        exception.licence === dependency.licence &&
        new RegExp(
          `^${exception.package
            .split("*")
            .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
            .join(".*")}$`,
        ).test(dependency.name),
    );
  return dependencies.flatMap((dependency) => {
    if (excepted(dependency)) return [];
    if (dependency.licence === null) return [`${dependency.name}@${dependency.version}: no licence stated`];
    const verdict = classifyLicence(dependency.licence);
    return verdict === "allowed"
      ? []
      : [`${dependency.name}@${dependency.version}: ${dependency.licence} (${verdict})`];
  });
}
