/**
 * A queue URL on the current host (`sqs.<region>.amazonaws.com`) or a legacy one (`<region>.queue.amazonaws.com`, or
 * `queue.amazonaws.com` for us-east-1), in China's `.com.cn` too.
 */
const QUEUE_URL =
  /^https:\/\/(?:sqs\.([a-z0-9-]{1,30})|([a-z0-9-]{1,30})\.queue|queue)\.amazonaws\.com(\.cn)?\/(\d{12})\/([\w-]{1,80}(?:\.fifo)?)\/?$/;

/** The ARN of the queue a URL names, or null when the URL names none (an endpoint alone, as CreateQueue's). */
export function queueArnOfUrl(url: string): string | null {
  const match = QUEUE_URL.exec(url);
  if (!match) return null;
  const [, current, legacy, china, account, name] = match;
  const region = current ?? legacy ?? "us-east-1";
  const partition = china ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  return `arn:${partition}:sqs:${region}:${account}:${name}`;
}
