import { encodedMessageOf, proofOf, type Check, type DenialRecord, type Layer } from "../model";
import { isDataEventAction } from "../iam";
import type { Subject } from "../iam";
import { outsideSettingCheck } from "./settings";

function regionFlag(subject: Subject): string {
  return ` --region ${subject.region}`;
}

function simulate(record: DenialRecord, subject: Subject): Check {
  const resource = subject.resourceArn ? ` --resource-arns '${subject.resourceArn}'` : "";
  return {
    description:
      `Ask IAM whether the ${subject.identityKind}'s own policies allow ${record.action ?? "the action"} ` +
      `(checks identity policies and the boundary, not resource policies).`,
    command:
      `aws iam simulate-principal-policy --policy-source-arn ${subject.principalArn} --action-names ` +
      `${record.action ?? "<ACTION>"}${resource} --query ` +
      `'EvaluationResults[].[EvalActionName,EvalDecision]'`,
  };
}

/** The command that prints a service's resource policy; only the denied service's command is built. */
const RESOURCE_POLICY_COMMANDS = new Map<string, (subject: Subject) => string>(
  Object.entries({
    lambda: (subject) => `aws lambda get-policy --function-name ${subject.resourceName}${regionFlag(subject)}`,
    s3: (subject) =>
      `aws s3api get-bucket-policy --bucket ${subject.bucket ?? "<BUCKET_NAME>"} --query Policy --output text`,
    secretsmanager: (subject) =>
      `aws secretsmanager get-resource-policy --secret-id ${subject.resourceArn ?? subject.resourceName}${regionFlag(subject)}`,
    sqs: (subject) =>
      `aws sqs get-queue-attributes --queue-url ` +
      `https://sqs.${subject.region}.amazonaws.com/${subject.account}/${subject.resourceName} ` +
      `--attribute-names Policy`,
    sns: (subject) =>
      `aws sns get-topic-attributes --topic-arn ${subject.resourceArn ?? "<TOPIC_ARN>"} --query Attributes.Policy --output text`,
    "execute-api": (subject) =>
      `aws apigateway get-rest-api --rest-api-id ${apiId(subject)} --query policy --output text${regionFlag(subject)}`,
    kms: (subject) =>
      `aws kms get-key-policy --key-id ${subject.resourceArn ?? "<KEY_ARN>"} --policy-name default --output text`,
    ecr: (subject) => `aws ecr get-repository-policy --repository-name ${subject.resourceName}${regionFlag(subject)}`,
  }),
);

function resourcePolicyCheck(record: DenialRecord, subject: Subject): Check {
  if (record.kind === "lake-formation") return lakeFormationCheck(subject);
  const service = record.service ?? "";
  const build = RESOURCE_POLICY_COMMANDS.get(service);
  return {
    description: "Read the resource's own policy and look for a statement that names this principal (or denies it).",
    command: build
      ? build(subject)
      : `# Open the ${service || "target"} resource in the console and read its resource-based policy`,
  };
}

/** Lake Formation's grants stand in for a table's resource policy: list the ones the caller holds. */
function lakeFormationCheck(subject: Subject): Check {
  return {
    description: "List the Lake Formation permissions the caller holds: the one the message names must be among them.",
    command: `aws lakeformation list-permissions --principal DataLakePrincipalIdentifier=${subject.principalArn}`,
  };
}

function apiId(subject: Subject): string {
  const resource = subject.resourceArn?.split(":")[5] ?? "";
  return resource.split("/")[0] || "<API_ID>";
}

/**
 * An IAM Identity Center role is a copy of its permission set, which SSO rewrites on every provisioning: its policies
 * are read (and changed) on the permission set, from the management or delegated-administrator account.
 */
function permissionSetCheck(subject: Subject): Check {
  const permissionSet = subject.caller.name ?? "<PERMISSION_SET_NAME>";
  const instance = "--instance-arn <INSTANCE_ARN>";
  const set = `${instance} --permission-set-arn <PERMISSION_SET_ARN>`;
  return {
    description:
      `Role ${subject.identityName} is IAM Identity Center's copy of permission set ${permissionSet}: read the ` +
      `permission set's policies (SSO overwrites any change made on the role). Run from the management or ` +
      `delegated-administrator account; the first two commands give <INSTANCE_ARN> and the set's <PERMISSION_SET_ARN>.`,
    command:
      `aws sso-admin list-instances --query 'Instances[0].InstanceArn' --output text && ` +
      `aws sso-admin list-permission-sets-provisioned-to-account ${instance} --account-id ${subject.account} && ` +
      `aws sso-admin get-inline-policy-for-permission-set ${set} && ` +
      `aws sso-admin list-managed-policies-in-permission-set ${set} && ` +
      `aws sso-admin list-customer-managed-policy-references-in-permission-set ${set}`,
  };
}

/** The check that tells a propagation delay from a missing Allow: the policy already allows the call. */
function propagationCheck(record: DenialRecord, subject: Subject): Check {
  return {
    description:
      "If IAM's simulator says allowed, the policy is right and the denial was IAM still applying it: retry the call.",
    command: simulate(record, subject).command,
  };
}

/** The check that shows the setting refusing the request. */
const CHECKS: Record<Layer, (record: DenialRecord, subject: Subject) => Check[]> = {
  "execution-role": (record, subject) => [
    simulate(record, subject),
    subject.caller.kind === "sso-role"
      ? permissionSetCheck(subject)
      : {
          description: `List the ${subject.identityKind}'s policies to find a missing Allow or a Deny.`,
          command:
            subject.identityKind === "user"
              ? `aws iam list-user-policies --user-name ${subject.identityName} && aws iam list-attached-user-policies --user-name ${subject.identityName}`
              : `aws iam list-role-policies --role-name ${subject.identityName} && aws iam list-attached-role-policies --role-name ${subject.identityName}`,
        },
  ],
  "resource-policy": (record, subject) => [resourcePolicyCheck(record, subject)],
  "kms-key-policy": (record, subject) =>
    record.statedReason === "explicit-deny"
      ? [
          {
            description: "Read the key policy: find the Deny whose Action, Principal and Condition match this call.",
            command: `aws kms get-key-policy --key-id ${subject.resourceArn ?? "<KEY_ARN>"} --policy-name default --output text`,
          },
        ]
      : [
          {
            description:
              "Read the key policy: it must name the role (or delegate to IAM with the account root statement).",
            command: `aws kms get-key-policy --key-id ${subject.resourceArn ?? "<KEY_ARN>"} --policy-name default --output text`,
          },
          {
            description: "List grants: a grant for the role also allows the call.",
            command: `aws kms list-grants --key-id ${subject.resourceArn ?? "<KEY_ARN>"} --query 'Grants[].[GranteePrincipal,Operations]'`,
          },
        ],
  "trust-policy": (_record, subject) => [
    {
      description: trustAccountNote(subject, "Read who may assume the role."),
      command: `aws iam get-role --role-name ${trustedRoleName(subject)} --query Role.AssumeRolePolicyDocument`,
    },
  ],
  scp: (record, subject) => [
    {
      description:
        "From the management account, list the SCPs on this account and on each parent OU up to the root " +
        "(all of them apply), and look for a Deny on the action.",
      command:
        `aws organizations list-policies-for-target --target-id ${subject.account} --filter ` +
        `SERVICE_CONTROL_POLICY && aws organizations list-parents --child-id ${subject.account}  # repeat ` +
        `list-policies-for-target for each parent`,
    },
    // IAM's simulator has no policies to read for the root user.
    ...(subject.caller.kind === "root" ? [] : [simulate(record, subject)]),
  ],
  rcp: (_record, subject) => [
    {
      description: "From the management account, list the RCPs that apply to the resource's account.",
      command: `aws organizations list-policies-for-target --target-id ${subject.account} --filter RESOURCE_CONTROL_POLICY`,
    },
  ],
  "permissions-boundary": (_record, subject) => [
    {
      description: "See which boundary is attached; then read that policy's default version.",
      command:
        `aws iam get-${subject.identityKind} --${subject.identityKind}-name ${subject.identityName} --query ` +
        `'${subject.identityKind === "user" ? "User" : "Role"}.PermissionsBoundary'`,
    },
  ],
  "session-policy": (_record, subject) => [
    {
      description: "Find the AssumeRole call that created the session and read its Policy / PolicyArns parameters.",
      command:
        `aws cloudtrail lookup-events --lookup-attributes ` +
        `AttributeKey=ResourceName,AttributeValue=${subject.principalArn} --region us-east-1 --query ` +
        `'Events[?EventName==\`AssumeRole\`].CloudTrailEvent'`,
    },
  ],
  "vpc-endpoint-policy": (record, subject) => [
    {
      description: "Read the policy of the VPC endpoint the call went through.",
      command:
        `aws ec2 describe-vpc-endpoints --filters ` +
        `Name=service-name,Values=com.amazonaws.${subject.region}.${record.service ?? "<SERVICE>"} --query ` +
        `'VpcEndpoints[].[VpcEndpointId,PolicyDocument]'${regionFlag(subject)}`,
    },
  ],
  "propagation-delay": (record, subject) => [propagationCheck(record, subject)],
  "account-setting": (record, subject) => [outsideSettingCheck(record, subject)],
  unknown: (record) => {
    const encodedMessage = encodedMessageOf(record);
    return [encodedMessage ? decodeCheck(encodedMessage) : findEventCheck(record)];
  },
};

function decodeCheck(encodedMessage: string): Check {
  return {
    description:
      "Decode EC2's authorization message: it names the action, resource, and whether a Deny matched (needs sts:DecodeAuthorizationMessage).",
    command: `aws sts decode-authorization-message --encoded-message '${encodedMessage}' --query DecodedMessage --output text`,
  };
}

/** The CloudTrail record of the call often names the policy type a pasted message left out. */
function findEventCheck(record: DenialRecord): Check {
  const eventName = record.operation ?? record.action?.split(":")[1] ?? "<EVENT_NAME>";
  if (isDataEventAction(record.action)) {
    return {
      description:
        `${record.action} is a data event: lookup-events never returns it. Download the day's trail files ` +
        `(the trail must log data events) and open them on whydenied's Trail file page.`,
      command:
        `aws s3 cp s3://<TRAIL_BUCKET>/AWSLogs/${record.account ?? "<ACCOUNT_ID>"}/CloudTrail/${record.region ?? "<REGION>"}/<YYYY>/<MM>/<DD>/ ` +
        `./trail --recursive`,
    };
  }
  return {
    description:
      "Find the matching CloudTrail event: its errorMessage often names the policy type the pasted text left out.",
    command: `aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=${eventName} --max-results 20`,
  };
}

/** For sts:AssumeRole the trust policy to read is the target role's, not the caller's. */
function trustAccountNote(subject: Subject, text: string): string {
  const account = subject.resourceArn?.includes(":role/") ? subject.resourceArn.split(":")[4] : undefined;
  return account && account !== subject.principal?.account
    ? `${text} Run it with credentials of account ${account}, which owns the role.`
    : text;
}

function trustedRoleName(subject: Subject): string {
  if (subject.resourceArn?.includes(":role/")) return subject.resourceArn.split("/").pop() ?? subject.identityName;
  // A service principal (states.amazonaws.com) names the one assuming, never the role it was refused.
  return subject.caller.kind === "aws-service" ? "<ROLE_NAME>" : subject.identityName;
}

function authorizationDetailsCheck(authorizationId: string): Check {
  return {
    description:
      "Ask AWS which policy and statement denied the request (needs iam:GetRequestAuthorizationDetails; AWS keeps the " +
      "details at least 24 hours). Paste the JSON it prints back into whydenied: it then names the denying policy as " +
      "proven by AWS.",
    command: `aws iam-toolbox get-request-authorization-details --authorization-id ${authorizationId} --output json`,
  };
}

/** Today's version of the policy AWS's authorization details name (it may have changed since the denial). */
function provenPolicyCheck(policyUri: string): Check | null {
  const organizationsPolicy = /:policy\/o-[^/]+\/[a-z_]+\/(p-[0-9a-z]+)$/.exec(policyUri);
  if (organizationsPolicy) {
    return {
      description: "From the management account, read the organization policy AWS showed denying the request.",
      command: `aws organizations describe-policy --policy-id ${organizationsPolicy[1]} --query Policy.Content --output text`,
    };
  }
  if (/^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\//.test(policyUri)) {
    return {
      description: "Read the managed policy AWS showed denying the request, at its default version.",
      command:
        `aws iam get-policy-version --policy-arn ${policyUri} --version-id ` +
        `$(aws iam get-policy --policy-arn ${policyUri} --query Policy.DefaultVersionId --output text)`,
    };
  }
  return null;
}

/** The concrete commands that confirm or rule out one layer, filled in from the denial. */
export function checksFor(layer: Layer, record: DenialRecord, subject: Subject): Check[] {
  const checks = CHECKS[layer](record, subject);
  // EC2's encoded message answers every candidate's question: which policy denied, and how.
  const encodedMessage = encodedMessageOf(record);
  if (encodedMessage && layer !== "unknown") checks.push(decodeCheck(encodedMessage));
  // So do AWS's authorization details: fetched by the id the message gives, or already pasted.
  if (record.authorizationId) checks.push(authorizationDetailsCheck(record.authorizationId));
  const policyUri = proofOf(record)?.policyUri;
  const policyCheck = policyUri ? provenPolicyCheck(policyUri) : null;
  if (policyCheck) checks.unshift(policyCheck);
  return checks;
}
