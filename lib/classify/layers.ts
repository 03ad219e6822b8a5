import type { Layer, PolicyType } from "../model";

/** Plain-words name and one-line meaning of each layer, shared by the page, the CLI and the API. */
export const LAYER_INFO: Record<
  Layer,
  { label: string; direction: "outbound" | "inbound" | "guardrail" | "not-a-policy" | "unknown"; summary: string }
> = {
  "execution-role": {
    label: "Execution role (identity policy)",
    direction: "outbound",
    summary: "The caller's own IAM policies do not allow this call. For a Lambda function, that is its execution role.",
  },
  "resource-policy": {
    label: "Resource policy",
    direction: "inbound",
    summary:
      "The policy attached to the target (function, bucket, secret, queue, API), or for a Lake Formation table its " +
      "grants, does not let this caller in.",
  },
  "kms-key-policy": {
    label: "KMS key policy",
    direction: "outbound",
    summary: "The KMS key's own policy does not allow this principal, whatever the role's IAM policy says.",
  },
  "trust-policy": {
    label: "Role trust policy",
    direction: "inbound",
    summary: "The role's trust policy does not let this principal (or service) assume it.",
  },
  scp: {
    label: "Service control policy (SCP)",
    direction: "guardrail",
    summary: "An AWS Organizations SCP caps what principals in this account may do.",
  },
  rcp: {
    label: "Resource control policy (RCP)",
    direction: "guardrail",
    summary: "An AWS Organizations RCP caps who may reach resources in this account.",
  },
  "permissions-boundary": {
    label: "Permissions boundary",
    direction: "guardrail",
    summary: "The role's permissions boundary does not include this action, so the role's allow has no effect.",
  },
  "session-policy": {
    label: "Session policy",
    direction: "guardrail",
    summary: "The policy passed when the session was created narrows what this session may do.",
  },
  "vpc-endpoint-policy": {
    label: "VPC endpoint policy",
    direction: "guardrail",
    summary: "The request went through a VPC endpoint whose policy does not allow it.",
  },
  "propagation-delay": {
    label: "IAM propagation delay (not a policy)",
    direction: "not-a-policy",
    summary:
      "A role or policy created or changed seconds ago has not reached every AWS endpoint yet: the same call succeeds " +
      "moments later, with no policy change.",
  },
  "account-setting": {
    label: "An account or resource setting (not a policy)",
    direction: "not-a-policy",
    summary:
      "A setting or grant outside IAM policies refuses the request (S3 Block Public Access or Object Ownership, Bedrock " +
      "model access, an API's authorizer, an EKS access entry): no policy edit lifts it.",
  },
  unknown: {
    label: "Something else (see the checks)",
    direction: "unknown",
    summary: "The message does not say which policy denied the request; the checks below tell.",
  },
};

/** The layer a policy type named by AWS belongs to, before service-specific rules apply. */
export const LAYER_OF_POLICY_TYPE: Record<PolicyType, Layer> = {
  "identity-based": "execution-role",
  "resource-based": "resource-policy",
  "service-control": "scp",
  "resource-control": "rcp",
  "permissions-boundary": "permissions-boundary",
  session: "session-policy",
  "vpc-endpoint": "vpc-endpoint-policy",
  "role-trust": "trust-policy",
  "s3-block-public-access": "account-setting",
};

/** The layer of a policy type AWS names, with the key policy for a KMS key's resource policy. */
export function layerOfPolicyType(type: PolicyType, service: string | null): Layer {
  return type === "resource-based" && service === "kms" ? "kms-key-policy" : LAYER_OF_POLICY_TYPE[type];
}

/** A policy type as AWS's own messages word it ("no service control policy allows…"). */
export const POLICY_TYPE_WORDS: Record<PolicyType, string> = {
  "identity-based": "identity-based policy",
  "resource-based": "resource-based policy",
  "service-control": "service control policy",
  "resource-control": "resource control policy",
  "permissions-boundary": "permissions boundary",
  session: "session policy",
  "vpc-endpoint": "VPC endpoint policy",
  "role-trust": "role trust policy",
  "s3-block-public-access": "bucket's Block Public Access setting",
};
