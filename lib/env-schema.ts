import { z } from "zod";
import { hostNameOf } from "./http";
import { fail, ok, type Result } from "./result";

/** A set but empty variable counts as unset: `WHYDENIED_LOOKUP_RATE=` in a .env file means "the default". */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

/** A number read from text, within what `accepts` says; anything else is refused with those words. */
const numberFrom = (accepts: string, check: (value: number) => boolean, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .preprocess((value) => (typeof value === "string" ? Number(value) : value), z.number({ error: accepts }))
      .refine(check, accepts)
      .default(fallback),
  );

const httpUrl = (example: string) =>
  optional(z.url({ protocol: /^https?$/, error: `must be an http(s) URL, for example ${example}` }));

const ALB_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):elasticloadbalancing:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:loadbalancer\/app\/.+$/;

/** Every environment variable the server reads, documented in .env.example; each message says what it accepts. */
const envSchema = z
  .object({
    /** Send LookupEvents to this endpoint instead of AWS (a local CloudTrail, LocalStack, a VPC endpoint URL). */
    WHYDENIED_CLOUDTRAIL_ENDPOINT: optional(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL, for example http://127.0.0.1:4599" }),
    ),
    /** "off" hides the built-in demo data (for a portal that must only show the real account). */
    WHYDENIED_DEMO: z.preprocess(unsetIfEmpty, z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on")),
    /** LookupEvents requests per second per Region; AWS allows 2 per account and Region. */
    WHYDENIED_LOOKUP_RATE: numberFrom(
      "must be a number above 0 and at most 2 (requests per second per Region)",
      (rate) => rate > 0 && rate <= 2,
      2,
    ),
    /** Largest trail file upload, in MiB. */
    WHYDENIED_MAX_UPLOAD_MIB: numberFrom(
      "must be a whole number of MiB above 0",
      (mib) => Number.isInteger(mib) && mib > 0,
      2048,
    ),
    /**
     * The host names the server answers to, comma-separated, any port; a request with another `Host` is refused so a
     * rebound DNS name cannot read the answers. Default: the loopback names.
     */
    WHYDENIED_ALLOWED_HOSTS: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .transform((list) => list.split(",").map((name) => name.trim().toLowerCase()))
        .refine(
          (names) => names.every((name) => hostNameOf(name) === name),
          "must be comma-separated host names without ports, for example whydenied.internal,localhost",
        )
        .default(["localhost", "127.0.0.1", "[::1]"]),
    ),
    /**
     * How many reverse proxies in front of the server append the client's address to X-Forwarded-For. The client a
     * per-client limit counts is the entry that many places from the right (what the outermost trusted proxy saw);
     * 0 ignores the header, which a client can write itself, and counts every request against one shared client.
     */
    WHYDENIED_TRUSTED_PROXIES: numberFrom(
      "must be a whole number from 0 to 10 (the reverse proxies in front of the server)",
      (count) => Number.isInteger(count) && count >= 0 && count <= 10,
      0,
    ),
    /** "on" sends Strict-Transport-Security (only behind TLS: browsers then refuse plain http for a year). */
    WHYDENIED_HSTS: z.preprocess(
      unsetIfEmpty,
      z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("off"),
    ),
    /** The embedded database's folder (PGlite), relative to the working directory; unused when DATABASE_URL is set. */
    WHYDENIED_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default("./data")),
    /** A PostgreSQL server for the saved snapshots instead of the embedded database. */
    DATABASE_URL: optional(
      z.url({
        protocol: /^postgres(ql)?$/,
        error: "must be a postgres:// URL, for example postgres://whydenied@127.0.0.1:5432/whydenied",
      }),
    ),
    /** "proxy": every request must carry the identity headers of the reverse proxy WHYDENIED_PROXY names. */
    WHYDENIED_AUTH: z.preprocess(
      unsetIfEmpty,
      z.enum(["off", "proxy"], { error: 'must be "off" or "proxy"' }).default("off"),
    ),
    /** Which proxy signs users in: oauth2-proxy (X-Forwarded-*), nginx auth_request with oauth2-proxy (X-Auth-Request-*), or an ALB. */
    WHYDENIED_PROXY: optional(
      z.enum(["oauth2-proxy", "auth-request", "alb"], { error: 'must be "oauth2-proxy", "auth-request" or "alb"' }),
    ),
    /** The ALB whose signature x-amzn-oidc-data must carry (its `signer`); its Region picks the ELB public key endpoint. */
    WHYDENIED_ALB_ARN: optional(
      z
        .string()
        .regex(
          ALB_ARN,
          "must be an Application Load Balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/…)",
        ),
    ),
    /** The identity provider's issuer, as the `iss` claim of the ALB's token says it. */
    WHYDENIED_ALB_ISSUER: optional(z.string()),
    /** The OIDC client id the ALB listener signs in with (the token's `client`). */
    WHYDENIED_ALB_CLIENT_ID: optional(z.string()),
    /** Where the ALB's public keys are fetched from; default https://public-keys.auth.elb.<region>.amazonaws.com. */
    WHYDENIED_ALB_KEY_ENDPOINT: httpUrl("https://public-keys.auth.elb.eu-west-1.amazonaws.com"),
    /** The claim of the ALB's token that lists the user's groups. */
    WHYDENIED_GROUPS_CLAIM: z.preprocess(unsetIfEmpty, z.string().default("groups")),
    /** The portal configuration file (YAML or JSON: accounts, roles, groups); see portal.example.yaml. */
    WHYDENIED_CONFIG: optional(z.string()),
    /** Send STS AssumeRole to another endpoint (the local one, a VPC endpoint). */
    WHYDENIED_STS_ENDPOINT: httpUrl("http://127.0.0.1:4599"),
    /** Send IAM Toolbox calls to another endpoint (the local one). */
    WHYDENIED_TOOLBOX_ENDPOINT: httpUrl("http://127.0.0.1:4599"),
    /**
     * Encrypts what replicas share in PostgreSQL (the assumed roles' session credentials): required in portal mode with
     * DATABASE_URL; every replica needs the same one. Generate it with `openssl rand -base64 32`.
     */
    WHYDENIED_SECRET: optional(
      z.string().min(32, "must be at least 32 characters, for example the output of `openssl rand -base64 32`"),
    ),
    /** The Region the lookup form starts with. */
    AWS_REGION: optional(z.string()),
    AWS_DEFAULT_REGION: optional(z.string()),
  })
  .superRefine((env, context) => {
    const require = (name: keyof typeof env, message: string) => {
      if (env[name] === undefined) context.addIssue({ code: "custom", path: [name], message });
    };
    if (env.WHYDENIED_AUTH === "proxy")
      require("WHYDENIED_PROXY", 'must name the proxy when WHYDENIED_AUTH is "proxy"');
    if (env.WHYDENIED_AUTH === "proxy" && env.WHYDENIED_PROXY === "alb") {
      for (const name of ["WHYDENIED_ALB_ARN", "WHYDENIED_ALB_ISSUER", "WHYDENIED_ALB_CLIENT_ID"] as const)
        require(name, 'must be set when WHYDENIED_PROXY is "alb"');
    }
    if (env.WHYDENIED_CONFIG !== undefined && env.WHYDENIED_AUTH !== "proxy")
      context.addIssue({
        code: "custom",
        path: ["WHYDENIED_CONFIG"],
        message: "needs WHYDENIED_AUTH=proxy: without sign-in the portal cannot tell who may use which account",
      });
    if (env.WHYDENIED_CONFIG !== undefined && env.DATABASE_URL !== undefined)
      require("WHYDENIED_SECRET", "must be set in portal mode with DATABASE_URL: replicas share the assumed roles' credentials there, encrypted with it");
  });

export type ServerEnv = z.infer<typeof envSchema>;

/** The variables the schema reads: a change to any other leaves the parsed configuration as it was. */
export const ENV_NAMES = Object.keys(envSchema.shape) as (keyof ServerEnv)[];

/** The variable each issue is about, what it holds, and what it accepts. */
function describeIssue(issue: z.core.$ZodIssue, source: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? "environment");
  return `${name} is ${JSON.stringify(source[name] ?? "")}: it ${issue.message}.`;
}

/**
 * Reads and checks the server's environment. Empty variables count as unset; a bad value is refused with one line
 * per variable that names it, shows what it holds, and says what it accepts.
 */
export function parseEnv(source: Record<string, string | undefined>): Result<ServerEnv, "env.invalid"> {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return ok(parsed.data);
  return fail("env.invalid", parsed.error.issues.map((issue) => describeIssue(issue, source)).join("\n"));
}
