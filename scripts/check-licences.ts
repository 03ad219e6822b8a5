/**
 * `npm run licences` (part of `npm run check`): fails when a production dependency — the whole transitive tree,
 * as package-lock.json lists it without dev-only packages — is GPL, AGPL, LGPL or SSPL, or states no licence
 * we can read, unless scripts/licence-exceptions.json lists it as reviewed. Each installed package's own
 * package.json is read; one not installed here (another platform's optional binary) is judged by the lockfile.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { licenceOf, licenceProblems, type DependencyLicence, type LicenceException } from "./licences";

interface LockEntry {
  name?: string;
  version?: string;
  license?: unknown;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

const root = join(import.meta.dirname, "..");
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};
const exceptions = JSON.parse(
  readFileSync(join(import.meta.dirname, "licence-exceptions.json"), "utf8"),
) as LicenceException[];

const dependencies: DependencyLicence[] = Object.entries(lock.packages)
  .filter(([path, entry]) => path !== "" && !entry.dev && !entry.devOptional && !entry.link)
  .map(([path, entry]) => {
    const manifestPath = join(root, path, "package.json");
    const manifest: unknown = existsSync(manifestPath)
      ? JSON.parse(readFileSync(manifestPath, "utf8"))
      : { license: entry.license };
    return {
      name: entry.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length),
      version: entry.version ?? "?",
      licence: licenceOf(manifest),
    };
  });

const problems = licenceProblems(dependencies, exceptions);
if (problems.length > 0) {
  console.error(`Licence check failed for ${problems.length} production dependencies:\n  ${problems.join("\n  ")}`);
  console.error("Replace the package, or review it and add it to scripts/licence-exceptions.json with the reason.");
  process.exit(1);
}
console.log(
  `Licences: ${dependencies.length} production dependencies, none GPL, AGPL, LGPL or SSPL (beyond reviewed exceptions).`,
);
