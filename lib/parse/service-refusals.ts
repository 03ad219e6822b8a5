import { actionForOperation, serviceFromSdkLabel } from "../iam";
import { anchorSet } from "./anchors";
import type { SpecialPattern } from "./special-messages";

/**
 * Refusals in a service's own words rather than IAM's sentence: a setting or grant outside IAM (S3 Object Ownership,
 * an API's authorizer, EKS cluster access, Organizations' management account, a bucket ACL), or an SDK's rendering of
 * a body-less 403. Each names the service, and the action when the words fix it.
 */
export const SERVICE_REFUSALS: SpecialPattern[] = [
  // S3 Object Ownership "bucket owner enforced" turns ACLs off: a request that still sends one (x-amz-acl) is refused.
  {
    pattern: /\bAccessControlListNotSupported\b|The bucket does not allow ACLs/,
    anchors: anchorSet("AccessControlListNotSupported", "The bucket does not allow ACLs"),
    read: () => ({ kind: "generic-denied", service: "s3" }),
  },
  // EC2's CreateInstanceExportTask (Client.AuthFailure): VM Import/Export writes to the bucket as a grantee of its ACL.
  {
    pattern: /vm-import-export@amazon\.com must have WRITE and READ_ACL permission/,
    anchors: anchorSet("vm-import-export@amazon.com must have"),
    read: () => ({ kind: "generic-denied", service: "ec2", action: "ec2:CreateInstanceExportTask" }),
  },
  // API Gateway's answer when a Lambda (or Cognito) authorizer denied the call: the authorizer decides, not IAM.
  {
    pattern: /User is not authorized to access this resource/,
    anchors: anchorSet("User is not authorized to access this resource"),
    read: () => ({ kind: "generic-denied", service: "execute-api", action: "execute-api:Invoke" }),
  },
  // kubectl against EKS: the cluster did not map the IAM identity (aws-auth ConfigMap or access entry) to a user.
  {
    pattern:
      /You must be logged in to the server \((?:Unauthorized|the server has asked for the client to provide credentials)\)/,
    anchors: anchorSet("You must be logged in to the server"),
    read: () => ({ kind: "generic-denied", service: "eks" }),
  },
  // The EKS console: the signed-in principal has no access entry (or aws-auth mapping) on the cluster.
  {
    pattern: /Your current (?:IAM principal|user or role) doesn\\?'t have access to Kubernetes objects on this cluster/,
    anchors: anchorSet("have access to Kubernetes objects on this cluster"),
    read: () => ({ kind: "generic-denied", service: "eks" }),
  },
  // Cognito could not get credentials for the pool's role: the role's trust policy does not let the pool assume it.
  {
    pattern: /Invalid identity pool configuration\. Check assigned IAM roles for this pool/,
    anchors: anchorSet("Invalid identity pool configuration"),
    read: () => ({
      kind: "generic-denied",
      principal: "cognito-identity.amazonaws.com",
      service: "sts",
      action: "sts:AssumeRoleWithWebIdentity",
    }),
  },
  // Organizations' own refusal: from a member account (not the management account or a delegated administrator).
  {
    pattern: /You don\\?'t have permissions to access this resource/,
    anchors: anchorSet("t have permissions to access this resource"),
    read: () => ({ kind: "generic-denied", service: "organizations" }),
  },
  // The Java SDK v2 names a body-less 403 "Access denied (Service: Sts, Status Code: 403": the service by its label.
  {
    pattern: /\bAccess denied \(Service: ([^;,)]{1,60})[;,] Status Code: 403/,
    anchors: anchorSet("Access denied (Service: "),
    read: (m) => ({ kind: "generic-denied", service: serviceFromSdkLabel(m[1] ?? "") }),
  },
  // The Java SDK v1 names a 403 whose body said only "Forbidden" by its service label (AWSIotData for IoT's data plane).
  {
    pattern: /\bForbidden \(Service: ([^;,)]{1,60}); Status Code: 403; Error Code: ForbiddenException/,
    anchors: anchorSet("Forbidden (Service: "),
    read: (m) => ({ kind: "generic-denied", service: serviceFromSdkLabel(m[1] ?? "") }),
  },
  // Ansible's EC2 inventory script quotes boto's bare 403 reason: 'ERROR: "Forbidden", while: getting RDS instances'.
  {
    pattern: /ERROR: "Forbidden", while: /,
    anchors: anchorSet('ERROR: "Forbidden", while: '),
    read: () => ({ kind: "generic-denied" }),
  },
  // The JavaScript SDK v2's error object: only its S3 client renders a body-less 403 as "[Forbidden: null]" (no message),
  // and only a HEAD has no body, most often an object's (the ranking's why says a bucket's needs s3:ListBucket).
  {
    pattern: /\[Forbidden: null\]/,
    anchors: anchorSet("[Forbidden: null]"),
    read: () => ({ kind: "http-forbidden", service: "s3", action: "s3:GetObject" }),
  },
  // Its bare `code: 'Forbidden'` is any client's 403 (Chime's, API Gateway's …): the call stays unnamed.
  {
    pattern: /\bcode: 'Forbidden'/,
    anchors: anchorSet("code: 'Forbidden'"),
    read: () => ({ kind: "http-forbidden" }),
  },
  // CloudFormation's resource row names the API it called, not the IAM action: "API: s3:SetBucketEncryption Access Denied".
  {
    pattern: /\bAPI: ([a-z0-9-]{1,40}):([A-Za-z0-9]{1,80}) Access Denied/,
    anchors: anchorSet("API: "),
    read: (m) => ({
      kind: "generic-denied",
      service: m[1] ?? "",
      operation: m[2],
      action: `${m[1] ?? ""}:${actionForOperation(m[1] ?? "", m[2] ?? "")}`,
    }),
  },
  // PHP's SDK with no error code between the two 403s: the response had no body to name one, a HEAD's.
  {
    pattern: /(?:Error executing "\w{1,80}" on "[^"\s]{1,2000}";?\s{0,8})?Client error: 403 \(client\): 403 Forbidden/,
    anchors: anchorSet("403 (client): 403 Forbidden"),
    read: () => ({ kind: "http-forbidden" }),
  },
];
