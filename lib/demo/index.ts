/**
 * The demo data set: seeded, deterministic CloudTrail records telling one story per Lambda function,
 * the role presets the lookup form offers for them, and the seeded random source they are drawn from; for a
 * portal, the same story in each configured account, with its role and one authorization id.
 * Plain data only; serving it is the local endpoint's job (lib/local-aws).
 */
export { DEMO_ACCOUNT } from "./account";
export { createRandom } from "./prng";
export { DEMO_ROLES } from "./roles";
export { seedDemoEvents } from "./seed";
export { portalDemoDenial, seedPortalDemo } from "./portal";
