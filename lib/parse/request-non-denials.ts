import { anchorSet } from "./anchors";
import type { NonDenialPattern } from "./non-denials";

/**
 * Errors of a request's own making, or of an account's enrolment, that AWS words like a refusal: a skewed clock, the
 * wrong Region, an ended SSO session, a missing Athena output location, an account or subscription not enabled.
 */
export const REQUEST_NON_DENIALS: NonDenialPattern[] = [
  {
    code: "RequestTimeTooSkewed",
    pattern:
      /\bRequestTimeTooSkewed\b|The difference between the request time and the (?:current|server's) time is too large/,
    anchors: anchorSet("RequestTimeTooSkewed", "The difference between the request time and the "),
    explanation:
      "The request was signed with a clock more than 15 minutes off AWS's (or signed long before it was sent): sync " +
      "the machine's clock (NTP, or restart a suspended VM or container), or let the SDK correct for clock skew. " +
      "No policy needs changing.",
    overridesDenial: true,
  },
  {
    code: "WrongRegion",
    // Not the bare AuthorizationHeaderMalformed: an empty access key or a malformed credential scope raises it too.
    pattern: /the region '[^'\s]{1,40}' is wrong; expecting '[^'\s]{1,40}'/,
    anchors: anchorSet("' is wrong; expecting '"),
    explanation:
      "The request was signed for another Region than the bucket's: set the client's Region to the one the message " +
      "expects (a bucket name is global, so an existing bucket in another Region answers this too). No policy needs changing.",
    overridesDenial: true,
  },
  {
    code: "SsoSessionExpired",
    pattern: /Session token not found or invalid/,
    anchors: anchorSet("Session token not found or invalid"),
    explanation:
      "The IAM Identity Center (SSO) session is over or its cached token was rejected: sign in again with aws sso " +
      "login --profile <PROFILE> (and check the profile's sso_session settings). No policy needs changing.",
    overridesDenial: true,
  },
  {
    code: "AthenaNoOutputLocation",
    pattern: /No output location provided/,
    anchors: anchorSet("No output location provided"),
    explanation:
      "Athena has nowhere to write the query's results: set a query result location in the workgroup's settings, or " +
      "pass ResultConfiguration.OutputLocation (s3://<BUCKET>/<PREFIX>/) with the query. A request setting, not a policy.",
  },
  {
    code: "AccountNotEnabled",
    pattern:
      /This account is not authorized to use this resource\. In order to access additional resources, please contact customer support/,
    anchors: anchorSet("please contact customer support"),
    explanation:
      "The account itself is not enabled for this resource (Amazon Braket's devices, for one, are opened per account " +
      "by AWS): an account setting no policy changes. Open a case with AWS Support asking for access to it.",
    overridesDenial: true,
  },
  {
    code: "SubscriptionRequired",
    pattern: /Your subscription does not support this application/,
    anchors: anchorSet("Your subscription does not support this application"),
    explanation:
      "The user's Amazon Q Developer (CodeWhisperer, Kiro) subscription does not cover this application: an " +
      "administrator subscribes the IAM Identity Center user or group to the right tier in the Amazon Q console. " +
      "No IAM policy is missing.",
    overridesDenial: true,
  },
];
