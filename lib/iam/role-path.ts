import { ownEntry } from "../own";

/**
 * A session ARN (`assumed-role/<name>/<session>`) drops its role's path, but a policy that names the role needs it:
 * a Principal without it is rejected as invalid, a Resource without it matches nothing. Two kinds of role always have
 * one: IAM Identity Center's (`aws-reserved/sso.amazonaws.com/`, then its home Region for most instances) and
 * service-linked roles (`aws-service-role/<service principal>/`). Sources: the IAM Identity Center guide, "Referencing
 * permission sets in resource policies"; the IAM guide, "Using service-linked roles".
 */

export const SSO_ROLE_PREFIX = "AWSReservedSSO_";
const SSO_PATH = "aws-reserved/sso.amazonaws.com/";
const SERVICE_LINKED_PREFIX = "AWSServiceRoleFor";

/** The services whose service-linked roles most often meet a key or resource policy (EBS, ECS, load balancers). */
const SERVICE_LINKED_ROLES: Record<string, string> = {
  AutoScaling: "autoscaling.amazonaws.com",
  ECS: "ecs.amazonaws.com",
  ElasticLoadBalancing: "elasticloadbalancing.amazonaws.com",
  AmazonEKS: "eks.amazonaws.com",
  AmazonEKSNodegroup: "eks-nodegroup.amazonaws.com",
  RDS: "rds.amazonaws.com",
  EC2Spot: "spot.amazonaws.com",
  EC2SpotFleet: "spotfleet.amazonaws.com",
  Batch: "batch.amazonaws.com",
  Backup: "backup.amazonaws.com",
  Config: "config.amazonaws.com",
  CloudTrail: "cloudtrail.amazonaws.com",
  Organizations: "organizations.amazonaws.com",
  SSO: "sso.amazonaws.com",
  AmazonOpenSearchService: "opensearchservice.amazonaws.com",
  ElastiCache: "elasticache.amazonaws.com",
  AmazonGuardDuty: "guardduty.amazonaws.com",
  SecurityHub: "securityhub.amazonaws.com",
};

const GET_ROLE_ARN = (roleName: string): string =>
  `aws iam get-role --role-name ${roleName} --query Role.Arn --output text`;

/** Placeholders a role's path may hold, and how to fill them. */
const ROLE_PATH_NOTES: Record<string, (roleName: string) => string> = {
  IDENTITY_CENTER_REGION: (roleName) =>
    "IAM Identity Center keeps its roles under aws-reserved/sso.amazonaws.com/, usually followed by its home Region " +
    `(some instances have none there): run ${GET_ROLE_ARN(roleName)} and use the ARN it prints.`,
  SERVICE_PRINCIPAL: (roleName) =>
    "A service-linked role lives under aws-service-role/<service principal>/: run " +
    `${GET_ROLE_ARN(roleName)} and use the ARN it prints.`,
};

/** True for the ARN of a role IAM Identity Center made for a permission set, whatever its name. */
export function isIdentityCenterRoleArn(arn: string): boolean {
  return arn.includes(`:role/${SSO_PATH}`);
}

/** How to fill a placeholder of a role's path, or null for any other placeholder. */
export function rolePathNote(placeholder: string, roleName: string): string | null {
  return ownEntry(ROLE_PATH_NOTES, placeholder)?.(roleName) ?? null;
}

function serviceLinkedPrincipal(roleName: string): string | null {
  if (!roleName.startsWith(SERVICE_LINKED_PREFIX)) return null;
  // A custom suffix follows an underscore: AWSServiceRoleForAutoScaling_ebs.
  const service = roleName.slice(SERVICE_LINKED_PREFIX.length).split("_", 1)[0] ?? "";
  return SERVICE_LINKED_ROLES[service] ?? "<SERVICE_PRINCIPAL>";
}

/**
 * The path a role of this name lives under, for naming it as a Principal, where a wildcard is not allowed:
 * `<PLACEHOLDERS>` stand for the part the name does not tell. "" for any other role.
 */
export function principalRolePath(roleName: string): string {
  if (roleName.startsWith(SSO_ROLE_PREFIX)) return `${SSO_PATH}<IDENTITY_CENTER_REGION>/`;
  const service = serviceLinkedPrincipal(roleName);
  return service ? `aws-service-role/${service}/` : "";
}

/** The role's name with its path, for a Resource or an ArnLike condition: a wildcard stands for the part unknown. */
export function resourceRoleNameWithPath(roleName: string): string {
  if (roleName.startsWith(SSO_ROLE_PREFIX)) return `${SSO_PATH}*${roleName}`;
  const service = serviceLinkedPrincipal(roleName);
  if (!service) return roleName;
  return `aws-service-role/${service.startsWith("<") ? "*" : service}/${roleName}`;
}
