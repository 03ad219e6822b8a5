import { DEMO_ACCOUNT, FUNCTIONS } from "./account";
import { HOUR, MINUTE, periodic, type SeedContext } from "./context";
import { lambdaServiceSession } from "./lambda";
import { ec2NotAuthorized, noPolicyAllows } from "./messages";
import { BASE64URL } from "./prng";
import type { Caller } from "./records";

const fn = FUNCTIONS.imageResizer;
export const IMAGE_RESIZER_SUBNETS = ["subnet-0b7e3c9a1d5f24e68", "subnet-05d2a8e6c4f1b7390"];
export const IMAGE_RESIZER_SECURITY_GROUP = "sg-0a4d8f2c6e1b7390d";
const NETWORK_INTERFACES = `arn:aws:ec2:${fn.region}:${DEMO_ACCOUNT}:network-interface/*`;

function recordDescribe(
  context: SeedContext,
  caller: Caller,
  timeMs: number,
  eventName: string,
  requestParameters: Record<string, unknown>,
): void {
  context.record({ timeMs, region: fn.region, caller, service: "ec2", eventName, readOnly: true, requestParameters });
}

/**
 * Lambda trying to create image-resizer's network interfaces in its two subnets, under an
 * `awslambda_…` session of the execution role, and EC2 refusing (identity-based denial).
 * Happens when the function's VPC configuration is updated and whenever Lambda rebuilds them.
 */
export function recordNetworkInterfaceAttempt(context: SeedContext, timeMs: number): void {
  const { caller, principal } = lambdaServiceSession(context, fn, timeMs);
  recordDescribe(context, caller, timeMs + 200, "DescribeSubnets", {
    subnetSet: { items: IMAGE_RESIZER_SUBNETS.map((subnetId) => ({ subnetId })) },
  });
  recordDescribe(context, caller, timeMs + 300, "DescribeSecurityGroups", {
    securityGroupSet: { items: [{ groupId: IMAGE_RESIZER_SECURITY_GROUP }] },
  });
  const action = "ec2:CreateNetworkInterface";
  IMAGE_RESIZER_SUBNETS.forEach((subnetId, index) => {
    context.record({
      timeMs: timeMs + 500 + index * 200,
      region: fn.region,
      caller,
      service: "ec2",
      eventName: "CreateNetworkInterface",
      readOnly: false,
      requestParameters: {
        subnetId,
        description: `AWS Lambda VPC ENI-${fn.name}-${context.random.uuid()}`,
        groupSet: { items: [{ groupId: IMAGE_RESIZER_SECURITY_GROUP }] },
        privateIpAddressesSet: {},
        ipv6AddressCount: 0,
        clientToken: context.random.uuid(),
      },
      error: {
        code: "Client.UnauthorizedOperation",
        message: ec2NotAuthorized(
          principal,
          action,
          NETWORK_INTERFACES,
          noPolicyAllows("identity-based policy", action),
          context.random.string(BASE64URL, 384),
        ),
      },
    });
  });
}

/** image-resizer (us-east-1): Lambda retries building the network interfaces every couple of hours. */
export function recordImageResizer(context: SeedContext): void {
  for (const timeMs of periodic(context, 2 * HOUR, { jitterMs: 40 * MINUTE })) {
    if (context.random.chance(0.6)) recordNetworkInterfaceAttempt(context, timeMs);
  }
}
