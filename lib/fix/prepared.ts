/**
 * A fix writes its statement several times: as JSON (the CLI argument, the request text), as Terraform HCL and as
 * YAML. Preparing the value reads each of its strings once for all of them, quoting it and checking what YAML and
 * HCL need; the renderers then only concatenate. A prepared value can stand inside a plain one (a template holding
 * the policy document), and is used as it is there.
 */

/** What every prepared value is: one instanceof test tells a prepared value from a plain one. */
abstract class PreparedValue {}

/** A string, number, boolean or null, spelled for each form. `undefined` where JSON.stringify gives nothing. */
export class PreparedScalar extends PreparedValue {
  constructor(
    readonly json: string | undefined,
    readonly yaml: string,
    readonly hcl: string | undefined,
  ) {
    super();
  }
}

export class PreparedList extends PreparedValue {
  constructor(
    readonly items: Prepared[],
    /** No item is a list or a mapping: HCL writes the list on one line. */
    readonly flat: boolean,
  ) {
    super();
  }
}

/** An object key, spelled for each form with what follows it there: the renderers add only the value. */
export interface PreparedKey {
  /** `"Key":` */
  json: string;
  /** `"Key": ` */
  prettyJson: string;
  /** `Key: `, before a scalar */
  yamlInline: string;
  /** `Key:` and a line break, before a nested block */
  yamlNested: string;
  /** `Key = ` */
  hcl: string;
}

export class PreparedMapping extends PreparedValue {
  constructor(
    readonly keys: PreparedKey[],
    readonly values: Prepared[],
  ) {
    super();
  }
}

export type Prepared = PreparedScalar | PreparedList | PreparedMapping;

/** What JSON.stringify escapes in a string: `"`, `\`, control characters and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(text)`: the string as a JSON (and HCL) literal. Most strings here hold nothing to
 * escape, and wrapping those in quotes directly is cheaper than the JSON.stringify call.
 */
export function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_YAML = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const YAML_KEYWORD_OR_NUMBER = /^(true|false|null|yes|no|\d+)$/i;

/** `value` read once for every form it is written in; a prepared value is returned as it is. */
export function prepare(value: unknown): Prepared {
  if (typeof value === "string") return preparedString(value);
  if (value === null || typeof value !== "object") {
    const json = JSON.stringify(value) as string | undefined;
    return new PreparedScalar(json, String(json), json);
  }
  if (value instanceof PreparedValue) return value as Prepared;
  if (Array.isArray(value)) {
    const items: Prepared[] = [];
    let flat = true;
    for (let index = 0; index < value.length; index++) {
      const item = prepare(value[index]);
      flat &&= item instanceof PreparedScalar;
      items.push(item);
    }
    return new PreparedList(items, flat);
  }
  const object = value as Record<string, unknown>;
  const keys: PreparedKey[] = [];
  const values: Prepared[] = [];
  for (const key of Object.keys(object)) {
    keys.push(keySpelling(key));
    values.push(prepare(object[key]));
  }
  return new PreparedMapping(keys, values);
}

function preparedString(text: string): PreparedScalar {
  if (PLAIN_YAML.test(text)) {
    // PLAIN_YAML's characters hold nothing JSON escapes and no "{": the quoted text is the JSON and HCL literal.
    const json = `"${text}"`;
    return new PreparedScalar(json, YAML_KEYWORD_OR_NUMBER.test(text) ? json : text, json);
  }
  const json = quote(text);
  return new PreparedScalar(json, json, hclLiteral(text, json));
}

/**
 * The HCL literal of `text`, whose JSON literal is `json`. Terraform reads `${…}` and `%{…}` in any quoted string
 * as a template, so an input's value (an IAM policy variable such as `${aws:username}`, a hostile ARN) is escaped
 * to `$${…}`/`%%{…}`, which Terraform turns back into the literal text.
 */
export function hclLiteral(text: string, json: string): string {
  // Quoting adds no "{": the text is searched rather than the quoted copy, which would have to be flattened first.
  return text.includes("{") ? json.replace(/([$%])\{/g, "$1$1{") : json;
}

function spellKey(key: string): PreparedKey {
  const json = quote(key);
  const yaml = PLAIN_YAML.test(key) ? key : json;
  return {
    json: `${json}:`,
    prettyJson: `${json}: `,
    yamlInline: `${yaml}: `,
    yamlNested: `${yaml}:\n`,
    hcl: `${SIMPLE_KEY.test(key) ? key : hclLiteral(key, json)} = `,
  };
}

/**
 * The keys of the policies and templates the fixes write (all spelled in code, none read from a message), spelled
 * once per process.
 */
const FIXED_KEYS = new Map(
  [
    ...["Version", "Statement", "Sid", "Effect", "Principal", "Action", "Resource", "Condition", "AWS", "Service"],
    ...["ArnEquals", "ArnNotLike", "aws:PrincipalArn", "aws:SourceArn", "aws:SourceAccount", "StringEquals"],
    ...["Type", "Properties", "PolicyDocument"],
  ].map((key) => [key, spellKey(key)]),
);

function keySpelling(key: string): PreparedKey {
  return FIXED_KEYS.get(key) ?? spellKey(key);
}
