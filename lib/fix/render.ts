/** Renders plain JSON values as Terraform HCL, YAML, or the compact JSON a shell argument wants. */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_YAML = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** HCL for `jsonencode({...})`: keys quoted only when they need it. */
export function toHcl(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent + 1);
  const close = "  ".repeat(indent);
  const json = value as Json;
  if (Array.isArray(json)) {
    if (json.every((item) => typeof item !== "object" || item === null)) return `[${json.map((item) => toHcl(item)).join(", ")}]`;
    return `[\n${json.map((item) => `${pad}${toHcl(item, indent + 1)}`).join(",\n")}\n${close}]`;
  }
  if (json !== null && typeof json === "object") {
    const lines = Object.entries(json).map(([key, item]) => `${pad}${SIMPLE_KEY.test(key) ? key : JSON.stringify(key)} = ${toHcl(item, indent + 1)}`);
    return `{\n${lines.join("\n")}\n${close}}`;
  }
  return JSON.stringify(json);
}

function yamlScalar(value: Json): string {
  if (typeof value === "string") return PLAIN_YAML.test(value) && !/^(true|false|null|yes|no|\d+)$/i.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** Block-style YAML lines for a JSON value, indented by `indent` levels. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent);
  const json = value as Json;
  if (Array.isArray(json)) {
    return json
      .map((item) => {
        if (item !== null && typeof item === "object") {
          const nested = toYaml(item, indent + 1).trimStart();
          return `${pad}- ${nested}`;
        }
        return `${pad}- ${yamlScalar(item)}`;
      })
      .join("\n");
  }
  if (json !== null && typeof json === "object") {
    return Object.entries(json)
      .map(([key, item]) => {
        const name = PLAIN_YAML.test(key) ? key : JSON.stringify(key);
        if (item !== null && typeof item === "object") return `${pad}${name}:\n${toYaml(item, indent + 1)}`;
        return `${pad}${name}: ${yamlScalar(item)}`;
      })
      .join("\n");
  }
  return `${pad}${yamlScalar(json)}`;
}

/** A policy document as a single-quoted shell argument (single quotes inside are escaped). */
export function shellJson(value: unknown): string {
  return `'${JSON.stringify(value).replace(/'/g, "'\\''")}'`;
}

/** A policy document wrapping statements. */
export function policyDocument(statements: unknown[]): { Version: string; Statement: unknown[] } {
  return { Version: "2012-10-17", Statement: statements };
}

/** A Terraform/CloudFormation-safe identifier from free text ("s3:ListBucket" → "s3_listbucket"). */
export function identifier(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60) || "whydenied";
}

/** A Sid: letters and digits only, as IAM requires. */
export function sid(...parts: string[]): string {
  return parts.join(" ").replace(/[^A-Za-z0-9 ]/g, " ").split(/\s+/).filter(Boolean).map((word) => word[0]!.toUpperCase() + word.slice(1)).join("").slice(0, 100);
}
