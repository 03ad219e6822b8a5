/**
 * IAM Toolbox (IAM Access Troubleshooter): GetRequestAuthorizationDetails and GetRequestAuthorizationPolicy over
 * SigV4-signed REST-JSON, and the reading of their answer as AWS's proof of which policy denied.
 */
export { toolboxClient, type AuthorizationDetailsDocument } from "./client";
export type { ToolboxErrorCode } from "./errors";
export { provenReading } from "./proven";
