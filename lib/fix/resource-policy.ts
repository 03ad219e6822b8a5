import type { DenialRecord, FixDraft } from "../model";
import { callerOfAnotherAccount, consoleUrl, isAccountId, isRegionOf } from "../iam";
import type { Subject } from "../iam";
import { compactJson, prettyJson } from "./json";
import { prepare, type Prepared } from "./prepared";
import { policyDocument, hclQuote, sid, toHcl, toYaml } from "./render";
import type { Scope } from "./scope";
import { ownEntry } from "../own";
import { shellWord } from "./shell";
import { companionsOf } from "./companions";

/** How each service stores its resource policy: read/write commands and IaC resource types. */
interface PolicyHome {
  noun: string;
  /** Commands that fetch the policy, say the `edit` to make (null: add the statement) in a comment, and put it back. */
  cli: (subject: Subject, edit: string | null) => string;
  terraform: (subject: Subject, document: unknown) => string;
  cfnType: string;
  cfnProperties: (subject: Subject, document: unknown) => Record<string, unknown>;
  /** Set when the CloudFormation type is the resource itself (a RestApi), whose policy is one property: edit it, never declare another. */
  cfnPolicyProperty?: string;
  console: (subject: Subject) => string | null;
  /** What the policy belongs to, when that is not the resource named in the message (an API, not its path). */
  holder?: (subject: Subject) => string;
}

const tf = (type: string, attribute: string, value: string, document: unknown) =>
  `# ${type} manages the whole policy: applying it replaces the statements already there, so put them in too ` +
  `(or add this statement to the existing ${type}).\n` +
  `resource "${type}" "whydenied" {\n  ${attribute} = ${hclQuote(value)}\n  policy = jsonencode(${toHcl(document, 1)})\n}`;

const HOMES: Record<string, PolicyHome> = {
  s3: {
    noun: "bucket policy",
    cli: (s, edit) =>
      `aws s3api get-bucket-policy --bucket ${shellWord(bucket(s))} --query Policy --output text > bucket-policy.json\n` +
      `# ${edit ?? "add the statement to the Statement array"} in bucket-policy.json, then:\n` +
      `aws s3api put-bucket-policy --bucket ${shellWord(bucket(s))} --policy file://bucket-policy.json`,
    terraform: (s, d) => tf("aws_s3_bucket_policy", "bucket", bucket(s), d),
    cfnType: "AWS::S3::BucketPolicy",
    cfnProperties: (s, d) => ({ Bucket: bucket(s), PolicyDocument: d }),
    console: (s) =>
      consoleUrl({ partition: s.partition, s3: true }, `/s3/buckets/${encodeURIComponent(bucket(s))}?tab=permissions`),
  },
  secretsmanager: {
    noun: "secret's resource policy",
    cli: (s, edit) =>
      `aws secretsmanager get-resource-policy --secret-id ${shellWord(secretId(s))} --query ResourcePolicy ` +
      `--output text > secret-policy.json\n# ${edit ?? "add the statement"}, then:\n` +
      `aws secretsmanager put-resource-policy --secret-id ${shellWord(secretId(s))} ` +
      `--resource-policy file://secret-policy.json --block-public-policy`,
    terraform: (s, d) => tf("aws_secretsmanager_secret_policy", "secret_arn", secretId(s), d),
    cfnType: "AWS::SecretsManager::ResourcePolicy",
    cfnProperties: (s, d) => ({ SecretId: secretId(s), ResourcePolicy: d, BlockPublicPolicy: true }),
    console: (s) =>
      consoleUrl(
        { partition: s.partition, region: s.region },
        `/secretsmanager/secret?name=${encodeURIComponent(s.resourceName)}&region=${s.region}`,
      ),
  },
  sqs: {
    noun: "queue policy",
    cli: (s, edit) =>
      `aws sqs get-queue-attributes --queue-url ${shellWord(queueUrl(s))} --attribute-names Policy\n` +
      `# ${edit ?? "add the statement"}, then:\naws sqs set-queue-attributes --queue-url ${shellWord(queueUrl(s))} ` +
      `--attributes file://queue-attributes.json  # {"Policy": "<policy JSON as a string>"}`,
    terraform: (s, d) => tf("aws_sqs_queue_policy", "queue_url", queueUrl(s), d),
    cfnType: "AWS::SQS::QueuePolicy",
    cfnProperties: (s, d) => ({ Queues: [queueUrl(s)], PolicyDocument: d }),
    console: (s) => consoleUrl({ partition: s.partition, region: s.region }, `/sqs/v3/home?region=${s.region}#/queues`),
  },
  sns: {
    noun: "topic policy",
    cli: (s, edit) =>
      `aws sns get-topic-attributes --topic-arn ${shellWord(s.resourceArn ?? "<TOPIC_ARN>")} ` +
      `--query Attributes.Policy --output text > topic-policy.json\n# ${edit ?? "add the statement"}, then:\n` +
      `aws sns set-topic-attributes --topic-arn ${shellWord(s.resourceArn ?? "<TOPIC_ARN>")} --attribute-name Policy ` +
      `--attribute-value file://topic-policy.json`,
    terraform: (s, d) => tf("aws_sns_topic_policy", "arn", s.resourceArn ?? "<TOPIC_ARN>", d),
    cfnType: "AWS::SNS::TopicPolicy",
    cfnProperties: (s, d) => ({ Topics: [s.resourceArn ?? "<TOPIC_ARN>"], PolicyDocument: d }),
    console: (s) => consoleUrl({ partition: s.partition, region: s.region }, `/sns/v3/home?region=${s.region}#/topics`),
  },
  ecr: {
    noun: "repository policy",
    cli: (s, edit) =>
      `aws ecr get-repository-policy --repository-name ${shellWord(repository(s))} --region ${shellWord(s.region)} ` +
      `--query policyText --output text > repository-policy.json\n# ${edit ?? "add the statement"}, then:\n` +
      `aws ecr set-repository-policy --repository-name ${shellWord(repository(s))} --region ${shellWord(s.region)} ` +
      `--policy-text file://repository-policy.json`,
    terraform: (s, d) => tf("aws_ecr_repository_policy", "repository", repository(s), d),
    cfnType: "AWS::ECR::Repository",
    cfnProperties: (_s, d) => ({ RepositoryPolicyText: d }),
    cfnPolicyProperty: "RepositoryPolicyText",
    console: (s) =>
      consoleUrl({ partition: s.partition, region: s.region }, `/ecr/private-registry/repositories?region=${s.region}`),
  },
  "execute-api": {
    noun: "API Gateway resource policy",
    holder: (s) => `API ${apiId(s)}`,
    cli: (s, edit) =>
      `aws apigateway get-rest-api --rest-api-id ${shellWord(apiId(s))} --query policy --output text\n` +
      `# ${edit ?? "merge the statement into the policy"}, save it as api-policy.json, then:\n` +
      `aws apigateway update-rest-api --rest-api-id ${shellWord(apiId(s))} ` +
      `--patch-operations op=replace,path=/policy,value="$(jq -c . api-policy.json)"\n` +
      `aws apigateway create-deployment --rest-api-id ${shellWord(apiId(s))} --stage-name ${shellWord(apiStage(s))}  ` +
      `# policy changes need a redeploy`,
    terraform: (s, d) => tf("aws_api_gateway_rest_api_policy", "rest_api_id", apiId(s), d),
    cfnType: "AWS::ApiGateway::RestApi",
    cfnProperties: (_s, d) => ({ Policy: d }),
    cfnPolicyProperty: "Policy",
    console: (s) =>
      consoleUrl(
        { partition: s.partition, region: s.region },
        `/apigateway/main/apis/${encodeURIComponent(apiId(s))}/resource-policy?region=${s.region}`,
      ),
  },
};

const bucket = (s: Subject) => s.bucket ?? "<BUCKET_NAME>";
const secretId = (s: Subject) => s.resourceArn ?? s.resourceName;
/** An SQS queue name: letters, digits, `-` and `_`, up to 80, and `.fifo` for a FIFO queue. */
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/;
/** SQS's own host for the queue's Region: a Region, account or name that is not one becomes a placeholder, never a host. */
const queueUrl = (s: Subject) => {
  const region = isRegionOf(s.partition, s.region) ? s.region : "<REGION>";
  const host = s.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  const account = isAccountId(s.account) ? s.account : "<ACCOUNT_ID>";
  const name = QUEUE_NAME.test(s.resourceName) ? s.resourceName : "<QUEUE_NAME>";
  return `https://sqs.${region}.${host}/${account}/${name}`;
};
/** The repository's name as ECR spells it, namespace included: `repository/team/app` → `team/app`. */
const repository = (s: Subject) => s.resourceArn?.split(":repository/")[1] ?? "<REPOSITORY_NAME>";
const apiPath = (s: Subject) => (s.resourceArn?.split(":")[5] ?? "").split("/");
const apiId = (s: Subject) => apiPath(s)[0] || "<API_ID>";
const apiStage = (s: Subject) => apiPath(s)[1] || "<STAGE>";

/** The resource-policy fix for any target but a Lambda function: a statement on the target that lets this principal in. */
export function resourcePolicyFix(record: DenialRecord, subject: Subject, scope: Scope): FixDraft {
  const service = record.service ?? "";
  const anonymous = subject.principal?.kind === "anonymous";
  // An AWS service delivering for the account (S3 notifications to a queue) is named as a Service principal.
  const servicePrincipal = subject.principal?.kind === "service" ? subject.principal.name : null;
  const explicitDeny = record.statedReason === "explicit-deny";
  // The root user has no name: the policy names its account.
  const who =
    subject.principal?.kind === "root"
      ? `account ${subject.principal.account ?? "<ACCOUNT_ID>"}`
      : subject.identityName;
  const companions = companionsOf(scope.action, record.resource);
  const actions = [...new Set([scope.action, ...(companions?.scoped ?? [])])];
  const statement = {
    Sid: sid("Allow", subject.identityName, scope.action),
    Effect: "Allow",
    Principal: anonymous ? "*" : servicePrincipal ? { Service: servicePrincipal } : { AWS: subject.principalArn },
    Action: actions.length === 1 ? actions[0]! : actions,
    Resource: scope.resources.length === 1 ? scope.resources[0]! : scope.resources,
  };
  // Read once for every form: the document's HCL and YAML, the request's JSON.
  const rendered = prepare(statement);
  const document = prepare(policyDocument([rendered]));
  const home = ownEntry(HOMES, service);
  const noun = home?.noun ?? `${service} resource policy`;
  const denyEdit =
    `find the Deny statement whose Action matches ${scope.action} (or a wildcard) and whose Principal and Condition ` +
    `match ${subject.principalArn}; narrow it (its Condition says what the call must satisfy) or remove it`;
  const notes = [
    explicitDeny
      ? `The ${noun} has a Deny that matches this call: narrow or remove it. Adding an Allow will not help.`
      : `Put-style commands replace the whole ${noun}: merge the statement into the existing policy, never overwrite it.`,
  ];
  if (scope.note && !explicitDeny) notes.push(scope.note);
  if (companions && actions.length > 1 && !explicitDeny) notes.push(companions.note);
  if (servicePrincipal)
    notes.push(
      `Limit the statement to your own source so no other account's resources can use ${servicePrincipal} to reach ` +
        'it: add "Condition": {"ArnEquals": {"aws:SourceArn": "<SOURCE_ARN>"}} with the topic, bucket or rule that calls.',
    );
  if (anonymous)
    notes.push(
      'Principal "*" opens the API to anyone who can reach it: add a Condition (source IP, VPC endpoint) that fits your case.',
    );
  const resourceAccount = record.account;
  const crossAccount =
    !!resourceAccount &&
    (subject.principal?.account ? resourceAccount !== subject.principal.account : callerOfAnotherAccount(record));
  if (crossAccount)
    notes.push(
      `The ${noun} belongs to account ${resourceAccount}: its owner makes this change` +
        (subject.principal?.kind === "root"
          ? " (the root user of the calling account needs no policy of its own)."
          : `, and ${who}'s own policy must allow the call too.`),
    );
  if (crossAccount && service === "secretsmanager") {
    notes.push(
      "Across accounts, the secret must be encrypted with a customer managed KMS key (not aws/secretsmanager) whose key policy lets the caller kms:Decrypt.",
    );
  }
  const cfnResource = {
    Type: home?.cfnType ?? "<RESOURCE_POLICY_TYPE>",
    Properties: home?.cfnProperties(subject, document) ?? { PolicyDocument: document },
  };
  const target = `${noun} of ${home?.holder?.(subject) ?? subject.resourceName}`;
  const denyIac = `# In the ${target}: ${denyEdit}. Keep every other statement.`;
  return {
    layer: "resource-policy",
    title: explicitDeny
      ? `Narrow or remove the Deny on ${scope.action} in the ${noun}`
      : `Allow ${anonymous ? "callers" : who} in the ${noun}`,
    owner: "resource-owner",
    statement: explicitDeny ? null : statement,
    additionalStatements: [],
    target,
    cli:
      home?.cli(subject, explicitDeny ? denyEdit : null) ??
      `# ${service} has no single CLI command for resource policies: ${explicitDeny ? denyEdit : "add the statement"} in the console or your IaC.`,
    terraform: explicitDeny
      ? denyIac
      : (home?.terraform(subject, document) ?? `# Add this statement to the ${noun}:\n# ${compactJson(rendered)}`),
    sam: explicitDeny ? denyIac : cloudFormation(home, cfnResource, rendered),
    consoleUrl: home?.console(subject) ?? null,
    requestText: anonymous
      ? null
      : `Hi — ${subject.principalArn} is denied ${scope.action} on ` +
        `${subject.resourceArn ?? subject.resourceName}${crossAccount ? ` (account ${resourceAccount})` : ""}. ` +
        (explicitDeny
          ? `Could you narrow or remove the Deny statement in its ${noun} that matches this call?\n\nAWS error: ${record.excerpt}`
          : `Could you add this statement to its ${noun}?\n\n${prettyJson(rendered)}`),
    notes,
  };
}

// Resource types are HOMES' own (or the placeholder): worked out once each, bounded by the table.
const logicalIds = new Map<string, string>();

/** The template's logical id for a policy resource of `type`: AWS::S3::BucketPolicy → WhyDeniedS3Policy. */
function logicalIdOf(type: string): string {
  let id = logicalIds.get(type);
  if (id === undefined) {
    id = sid("WhyDenied", type.split("::")[1] ?? "", "Policy");
    logicalIds.set(type, id);
  }
  return id;
}

/**
 * The CloudFormation form. A RestApi's policy is one of its properties: the snippet edits the existing API
 * (a new AWS::ApiGateway::RestApi would create a second API). A policy resource holds the whole policy:
 * the snippet says that declaring it replaces the statements already there.
 */
function cloudFormation(
  home: PolicyHome | undefined,
  resource: { Type: string; Properties: Record<string, unknown> },
  statement: Prepared,
): string {
  if (home?.cfnPolicyProperty) {
    return (
      `# CloudFormation: in your existing ${home.cfnType} (do not declare a new one), add this statement to ` +
      `Properties.${home.cfnPolicyProperty}.Statement, keeping the others, then redeploy the API:\n${toYaml([statement])}`
    );
  }
  return (
    `# CloudFormation: ${resource.Type} holds the whole policy; declaring it replaces the statements already there. ` +
    `If your template has one, add this statement to its Statement list instead.\n` +
    `${toYaml({ [logicalIdOf(resource.Type)]: resource })}`
  );
}
