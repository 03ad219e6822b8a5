import type { Layer } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

/** Layers that limit an IAM identity: none of them binds the account's root user. */
const IDENTITY_LAYERS = new Set<Layer>(["execution-role", "permissions-boundary", "session-policy"]);

/**
 * The root user has no identity policy to edit: only organization guardrails and resource policies bind it. Another
 * account's root user is let in by the resource's policy alone, so that leads when the ARNs show two accounts.
 */
export function forRootUser(ranked: NonEmpty<Ranked>, otherAccount: boolean): NonEmpty<Ranked> {
  const kept = ranked.filter((candidate) => !IDENTITY_LAYERS.has(candidate.layer));
  const [first, ...rest] = kept;
  if (first && (first.stated || first.proven)) return [first, ...rest];
  // Nothing stated: the two policies that can bind the root user lead, the kind's other suspects share what is left.
  const others = kept.filter((candidate) => candidate.layer !== "scp" && candidate.layer !== "resource-policy");
  const share = others.reduce((sum, candidate) => sum + candidate.confidence, 0);
  const scp: Ranked = {
    layer: "scp",
    confidence: otherAccount ? 0.3 : 0.5,
    why: "The root user cannot be limited by IAM policies: in a member account, an SCP denies it.",
  };
  const resourcePolicy: Ranked = otherAccount
    ? {
        layer: "resource-policy",
        confidence: 0.6,
        why: "The root user of another account is let in only by the resource's own policy: it must name that account.",
      }
    : {
        layer: "resource-policy",
        confidence: 0.4,
        why: "The root user cannot be limited by IAM policies: otherwise the resource's own policy denies it.",
      };
  const [lead, second] = otherAccount ? [resourcePolicy, scp] : [scp, resourcePolicy];
  return [
    lead,
    second,
    ...others.map((candidate) => ({ ...candidate, confidence: (0.1 * candidate.confidence) / share })),
  ];
}

/** Policies that bind an account's own principals: an AWS service principal (sns.amazonaws.com) has none of them. */
const PRINCIPAL_LAYERS = new Set<Layer>([...IDENTITY_LAYERS, "scp"]);

const SERVICE_WHY: Record<"trust-policy" | "kms-key-policy" | "resource-policy", string> = {
  "trust-policy":
    "An AWS service assuming a role has no IAM policy of its own: the role's trust policy must name the service principal.",
  "kms-key-policy":
    "An AWS service using a key on your behalf (SNS writing to an encrypted queue, a delivery to an encrypted " +
    "bucket) has no IAM policy: the key policy must let the service principal use the key.",
  "resource-policy":
    "An AWS service acting on its own has no IAM policy: the target's resource policy must allow the service " +
    "principal, best limited to your source with aws:SourceArn.",
};

/**
 * An AWS service acting on its own (SNS delivering to a queue, EventBridge invoking a target, Lambda assuming a role)
 * has no IAM policy to edit and no SCP binds it: the target's resource policy (the trust policy, for a role; an
 * encrypted target's key policy too) must let the service in.
 */
export function forServicePrincipal(ranked: NonEmpty<Ranked>, service: string | null): NonEmpty<Ranked> {
  const isKmsCall = service === "kms";
  const kept = ranked.filter((candidate) => !PRINCIPAL_LAYERS.has(candidate.layer));
  const [first, ...rest] = kept;
  if (first && (first.stated || first.proven)) return [first, ...rest];
  const lead = kept.some((candidate) => candidate.layer === "trust-policy")
    ? ("trust-policy" as const)
    : kept.some((candidate) => candidate.layer === "kms-key-policy") && isKmsCall
      ? ("kms-key-policy" as const)
      : ("resource-policy" as const);
  const others = kept.filter((candidate) => candidate.layer !== lead);
  const share = others.reduce((sum, candidate) => sum + candidate.confidence, 0);
  return [
    { layer: lead, confidence: share > 0 ? 0.8 : 1, why: SERVICE_WHY[lead] },
    ...others.map((candidate) => ({ ...candidate, confidence: (0.2 * candidate.confidence) / share })),
  ];
}

/** Policies that can bind a request that carries no credentials: only the resource's own policy (or none at all). */
const ANONYMOUS_BINDING = new Set<Layer>(["resource-policy", "vpc-endpoint-policy", "account-setting", "unknown"]);

const UNSIGNED_WHY =
  "The request carried no credentials (an anonymous caller): no role or user policy was evaluated. The client " +
  "must sign the request; only a public resource policy would let an unsigned call in.";

/**
 * An anonymous caller (CloudTrail's ANONYMOUS_PRINCIPAL, `User: anonymous`) signed nothing, so no identity policy,
 * boundary, session policy or SCP took part: the client not signing leads, the resource's policy is the alternative.
 */
export function forAnonymousCaller(ranked: NonEmpty<Ranked>): NonEmpty<Ranked> {
  const kept = ranked.filter((candidate) => ANONYMOUS_BINDING.has(candidate.layer));
  const [first, ...rest] = kept;
  if (first && (first.stated || first.proven)) return [first, ...rest];
  const others = kept.filter((candidate) => candidate.layer !== "unknown");
  const share = others.reduce((sum, candidate) => sum + candidate.confidence, 0);
  return [
    { layer: "unknown", confidence: share > 0 ? 0.6 : 1, why: UNSIGNED_WHY },
    ...others.map((candidate) => ({ ...candidate, confidence: (0.4 * candidate.confidence) / share })),
  ];
}

const COGNITO_SESSION = "CognitoIdentityCredentials";
const UNAUTHENTICATED_ROLE = /unauth/i;
const ASSUMED_ROLE = ":assumed-role/";

/** True for an identity pool's unauthenticated session: role `Cognito_…Unauth…_Role`, session CognitoIdentityCredentials. */
export function isCognitoGuestSession(principal: string | null): boolean {
  if (!principal?.endsWith(`/${COGNITO_SESSION}`)) return false;
  const head = principal.indexOf(ASSUMED_ROLE);
  const role = head === -1 ? "" : principal.slice(head + ASSUMED_ROLE.length, -COGNITO_SESSION.length - 1);
  return UNAUTHENTICATED_ROLE.test(role);
}

const COGNITO_GUEST_WHY =
  "Cognito's enhanced (simplified) flow gives unauthenticated identities a scope-down session policy that leaves out " +
  "many services, whatever their role allows: use the basic flow (GetOpenIdToken, then AssumeRoleWithWebIdentity " +
  "with the role's ARN) or authenticated identities for this call.";

/**
 * An identity pool's guest session is cut down by the session policy Cognito's enhanced flow passes, which the role's
 * own Allow cannot widen: that session policy leads, the role's policy comes next.
 */
export function forCognitoGuest(ranked: NonEmpty<Ranked>): NonEmpty<Ranked> {
  const [first] = ranked;
  if (first.stated || first.proven) return ranked;
  const others = ranked.filter((candidate) => candidate.layer !== "session-policy");
  const share = others.reduce((sum, candidate) => sum + candidate.confidence, 0);
  return [
    { layer: "session-policy", confidence: share > 0 ? 0.5 : 1, why: COGNITO_GUEST_WHY },
    ...others.map((candidate) => ({ ...candidate, confidence: (0.5 * candidate.confidence) / share })),
  ];
}
