/**
 * The portal configuration (WHYDENIED_CONFIG): the team's AWS accounts, the role assumed in each, and which
 * groups may use them. Pure: the file is read by a function passed in.
 */
export { parsePortalConfig, loadPortalConfig } from "./parse";
export { accountOfFinding, accountsVisibleTo, accountNamedByArn, isPortalAdmin } from "./access";
export type { PortalAccount, PortalConfig } from "./schema";
