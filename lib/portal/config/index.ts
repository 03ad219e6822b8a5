/**
 * The portal configuration (WHYDENIED_CONFIG): the team's AWS accounts, the role assumed in each, and which
 * groups may use them. Pure: the file is read by a function passed in.
 */
export { parsePortalConfig, loadPortalConfig, type ConfigErrorCode } from "./parse";
export { accountsVisibleTo, accountNamedByArn } from "./access";
export {
  EVERY_SIGNED_IN_USER,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  type PortalAccount,
  type PortalConfig,
} from "./schema";
