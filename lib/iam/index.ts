export { assumesNonRole, isFederatedAssume } from "./assume-target";
export { awsOwnedBucketOf } from "./aws-owned";
export { callerOf, isFunctionSession, isInstanceSession, isReadable } from "./caller";
export { describePrincipal, isAccountId, nestedArnOf, parseArn } from "./arn";
export { consoleUrl, isRegionOf } from "./console-url";
export {
  catalogFrom,
  keyOf,
  type ActionCatalog,
  type ActionInfo,
  type ActionKey,
  type ResourceTypeInfo,
} from "./catalog";
export { isDataEventAction } from "./data-events";
export {
  actionForOperation,
  operationOfEvent,
  serviceForOperation,
  serviceFromEventSource,
  serviceFromSdkLabel,
  splitAction,
} from "./operations";
export { routedModelsArn, typesAlsoNeeded } from "./one-of-resources";
export { queueArnOfUrl } from "./queue-url";
export { readRequestValues, requestResourceArn, type RequestValues } from "./request-values";
export { callerOfAnotherAccount, namedResource, RESOURCE_DESCRIPTORS, subjectOf, type Subject } from "./subject";
export { isIdentityCenterRoleArn, resourceRoleNameWithPath, rolePathNote } from "./role-path";
export { refusesLogsKey } from "./logs-key";
