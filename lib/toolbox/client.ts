import "server-only";
import { SignatureV4 } from "@smithy/signature-v4";
import { z } from "zod";
import { fail, ok, type Result } from "../result";
import { errorCodeOf, toolboxFailure, type ToolboxErrorCode } from "./errors";
import { NodeSha256 } from "./sha256";

/** The SigV4 signing name: IAM Toolbox's endpoint prefix (`iam-toolbox`), as its Smithy model's sigv4 trait is read here. */
const SIGNING_NAME = "iam-toolbox";
const REQUEST_TIMEOUT_MS = 10_000;
/** A bound on pages, so an answer that never stops paging cannot hold a request forever. */
const MAX_PAGES = 50;

/** One page of GetRequestAuthorizationDetails, read loosely: lib/parse reads the evaluations themselves. */
const detailsPageSchema = z.object({
  requestContext: z.record(z.string(), z.unknown()).optional(),
  evaluations: z.array(z.unknown()),
  policies: z.array(z.object({ uri: z.string() }).passthrough()).optional(),
  nextToken: z.string().optional(),
});
const policyAnswerSchema = z.object({ policyDocument: z.unknown() });

/** All pages of one id's GetRequestAuthorizationDetails answer, as one document. */
export interface AuthorizationDetailsDocument {
  requestContext?: Record<string, unknown>;
  evaluations: unknown[];
  policies: { uri: string }[];
}

interface ToolboxClientOptions {
  /** IAM Toolbox's endpoint: the local one in tests; default `https://iam-toolbox.<region>.amazonaws.com`. */
  endpoint?: string;
  region: string;
  /** The assumed session of the account the denial happened in. */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  fetch?: typeof fetch;
}

/** RFC 3986 escaping, as SigV4's canonical request uses, so the URL sent is the one signed. */
const escape = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A SigV4-signed client for IAM Toolbox's two REST-JSON calls (there is no SDK package for it): every answer is
 * checked with zod, every failure becomes a ToolboxErrorCode.
 */
export function toolboxClient(options: ToolboxClientOptions) {
  const base = new URL(options.endpoint ?? `https://iam-toolbox.${options.region}.amazonaws.com`);
  const signer = new SignatureV4({
    service: SIGNING_NAME,
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const send = options.fetch ?? fetch;

  async function get(
    path: string,
    query: Record<string, string>,
    authorizationId: string,
  ): Promise<Result<unknown, ToolboxErrorCode>> {
    const signed = await signer.sign({
      method: "GET",
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port ? Number(base.port) : undefined,
      path,
      query,
      headers: { host: base.host, accept: "application/json" },
    });
    const search = Object.entries(query)
      .map(([name, value]) => `${escape(name)}=${escape(value)}`)
      .join("&");
    let response: Response;
    let body: unknown;
    try {
      response = await send(`${base.origin}${path}${search ? `?${search}` : ""}`, {
        headers: signed.headers,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      body = await response.json();
    } catch (error) {
      return fail(
        "toolbox.unavailable",
        `IAM Toolbox could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (response.ok) return ok(body);
    const message =
      typeof (body as { message?: unknown } | null)?.message === "string" ? (body as { message: string }).message : "";
    return toolboxFailure(
      response.status,
      errorCodeOf(response.headers.get("x-amzn-errortype"), body),
      message,
      authorizationId,
    );
  }

  return {
    /** GetRequestAuthorizationDetails for `authorizationId`, every page fetched and joined into one document. */
    async authorizationDetails(
      authorizationId: string,
    ): Promise<Result<AuthorizationDetailsDocument, ToolboxErrorCode>> {
      const path = `/authorization-details/${escape(authorizationId)}`;
      const document: AuthorizationDetailsDocument = { evaluations: [], policies: [] };
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await get(path, nextToken ? { nextToken } : {}, authorizationId);
        if (!answer.ok) return answer;
        const parsed = detailsPageSchema.safeParse(answer.value);
        if (!parsed.success)
          return fail(
            "toolbox.unavailable",
            `IAM Toolbox answered an unexpected document: ${z.prettifyError(parsed.error)}`,
          );
        document.requestContext ??= parsed.data.requestContext;
        document.evaluations.push(...parsed.data.evaluations);
        const known = new Set(document.policies.map((policy) => policy.uri));
        document.policies.push(...(parsed.data.policies ?? []).filter((policy) => !known.has(policy.uri)));
        nextToken = parsed.data.nextToken;
        if (!nextToken) return ok(document);
      }
      return fail("toolbox.unavailable", `IAM Toolbox kept paging past ${MAX_PAGES} pages for ${authorizationId}.`);
    },

    /** GetRequestAuthorizationPolicy: the policy document at `policyUri` as it was when the request was denied. */
    async authorizationPolicy(authorizationId: string, policyUri: string): Promise<Result<unknown, ToolboxErrorCode>> {
      const answer = await get(
        `/authorization-details/${escape(authorizationId)}/policy`,
        { policyUri },
        authorizationId,
      );
      if (!answer.ok) return answer;
      const parsed = policyAnswerSchema.safeParse(answer.value);
      return parsed.success
        ? ok(parsed.data.policyDocument)
        : fail("toolbox.unavailable", "IAM Toolbox answered a policy without a policyDocument.");
    },
  };
}
