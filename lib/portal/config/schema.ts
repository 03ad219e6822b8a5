import { z } from "zod";

/** STS AssumeRole's own limits on DurationSeconds: 15 minutes to 12 hours (the role's maximum may be lower). */
const MIN_SESSION_SECONDS = 900;
const MAX_SESSION_SECONDS = 43_200;
const DEFAULT_SESSION_SECONDS = 3_600;

/** The group that lets every signed-in user see an account. */
export const EVERY_SIGNED_IN_USER = "*";

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
/** STS ExternalId: 2–1224 characters of letters, digits and `+=,.@:/-` (and `_`). */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

const accountSchema = z
  .object({
    /** How the picker shows it; unique. */
    name: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
    accountId: z.string().regex(ACCOUNT_ID, "must be the 12-digit account id, quoted in YAML (e.g. '111111111111')"),
    /** The read-only role the portal assumes in that account. */
    roleArn: z
      .string()
      .regex(ROLE_ARN, "must be an IAM role ARN, for example arn:aws:iam::111111111111:role/whydenied-reader"),
    /** Sent as AssumeRole's ExternalId when the role's trust policy asks for one. */
    externalId: z.string().regex(EXTERNAL_ID, "must be 2–1224 letters, digits or +=,.@:/-_").optional(),
    /** How long each assumed session lasts, in seconds. */
    sessionDurationSeconds: z
      .number({ error: "must be a number of seconds" })
      .int("must be a whole number of seconds")
      .min(MIN_SESSION_SECONDS, `must be at least ${MIN_SESSION_SECONDS} (STS's minimum)`)
      .max(MAX_SESSION_SECONDS, `must be at most ${MAX_SESSION_SECONDS} (STS's maximum)`)
      .default(DEFAULT_SESSION_SECONDS),
    /** The Regions a lookup in this account starts with; the first is the default. */
    regions: z
      .array(z.string().regex(REGION, "must be a Region code such as us-east-1"))
      .min(1, "must list at least one Region"),
    /** Identity-header groups allowed to use the account; "*" for every signed-in user. */
    groups: z.array(z.string().trim().min(1, "must not be empty")).min(1, 'must list at least one group (or "*")'),
  })
  .strict()
  .superRefine((account, context) => {
    const roleAccount = ROLE_ARN.exec(account.roleArn)?.[2];
    if (roleAccount && roleAccount !== account.accountId)
      context.addIssue({
        code: "custom",
        path: ["roleArn"],
        message: `names account ${roleAccount}, not the account's id ${account.accountId}`,
      });
  });

/** The portal configuration file (WHYDENIED_CONFIG): the team's AWS accounts and who may use each. */
export const portalConfigSchema = z
  .object({
    accounts: z.array(accountSchema).min(1, "must list at least one account"),
    /** Identity-header groups whose members may export the audit log; none when left out. */
    admins: z.array(z.string().trim().min(1, "must not be empty")).default([]),
  })
  .strict()
  .superRefine((config, context) => {
    const seen = { name: new Map<string, number>(), accountId: new Map<string, number>() };
    config.accounts.forEach((account, index) => {
      for (const field of ["name", "accountId"] as const) {
        const key = field === "name" ? account.name.toLowerCase() : account.accountId;
        const first = seen[field].get(key);
        if (first === undefined) seen[field].set(key, index);
        else
          context.addIssue({
            code: "custom",
            path: ["accounts", index, field],
            message: `repeats accounts[${first}].${field}`,
          });
      }
    });
  });

export type PortalConfig = z.infer<typeof portalConfigSchema>;
export type PortalAccount = PortalConfig["accounts"][number];
