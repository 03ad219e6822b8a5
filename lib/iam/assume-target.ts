/** The calls a federated token makes: its caller has no IAM policy, so the role's trust policy alone decides. */
const FEDERATED_ASSUME = /^sts:assumerolewith(?:webidentity|saml)$/i;

/** True for AssumeRoleWithWebIdentity and AssumeRoleWithSAML. */
export function isFederatedAssume(action: string | null): boolean {
  return !!action && FEDERATED_ASSUME.test(action);
}

/** An IAM ARN that names a user, group or policy: no role, so nothing can be assumed, whatever any policy says. */
const NOT_A_ROLE = /^arn:[\w-]+:iam::[^:]*:(?:user|group|policy)\//;

/** True when an sts:AssumeRole call named something that is not a role: a configuration error, not a denial to fix. */
export function assumesNonRole(action: string | null, resource: string | null): boolean {
  return !!resource && !!action && /^sts:assumerole$/i.test(action) && NOT_A_ROLE.test(resource);
}
