import { parseDocument } from "yaml";
import { z } from "zod";
import { fail, ok, type Result } from "../../result";
import { portalConfigSchema, type PortalConfig } from "./schema";

export type ConfigErrorCode = "config.unreadable" | "config.invalid";

/** `accounts[1].roleArn`, as a reader of the file would point at it. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const where = pathOf(issue.path);
    return issue.keys.map((key) => `${where ? `${where}.` : ""}${key}: is not a known field`).join("\n");
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return `${pathOf(issue.path)}: is required`;
  return `${pathOf(issue.path) || "(file)"}: ${issue.message}`;
}

/**
 * Reads and checks the portal configuration (YAML, or JSON, which YAML reads too). A bad file is refused with
 * one line per problem, each naming the field by its path (`accounts[1].roleArn: …`).
 */
export function parsePortalConfig(text: string): Result<PortalConfig, ConfigErrorCode> {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0)
    return fail("config.unreadable", document.errors.map((error) => error.message).join("\n"));
  const parsed = portalConfigSchema.safeParse(document.toJS());
  if (parsed.success) return ok(parsed.data);
  return fail("config.invalid", parsed.error.issues.map(describeIssue).join("\n"));
}

/** Reads the file at `path` with `readText` (injected: the server passes fs, tests a map) and checks it. */
export async function loadPortalConfig(
  path: string,
  readText: (path: string) => Promise<string>,
): Promise<Result<PortalConfig, ConfigErrorCode>> {
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    return fail(
      "config.unreadable",
      `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parsePortalConfig(text);
  return parsed.ok ? parsed : fail(parsed.error.code, `${path}:\n${parsed.error.message}`);
}
