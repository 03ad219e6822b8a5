import { describe, expect, it } from "vitest";
import { queueArnOfUrl } from "./queue-url";

describe("queueArnOfUrl", () => {
  it.each([
    ["https://sqs.eu-west-1.amazonaws.com/123456789012/orders", "arn:aws:sqs:eu-west-1:123456789012:orders"],
    [
      "https://eu-west-1.queue.amazonaws.com/123456789012/orders.fifo",
      "arn:aws:sqs:eu-west-1:123456789012:orders.fifo",
    ],
    ["https://queue.amazonaws.com/123456789012/orders/", "arn:aws:sqs:us-east-1:123456789012:orders"],
    ["https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders", "arn:aws-cn:sqs:cn-north-1:123456789012:orders"],
    [
      "https://sqs.us-gov-west-1.amazonaws.com/123456789012/orders",
      "arn:aws-us-gov:sqs:us-gov-west-1:123456789012:orders",
    ],
  ])("reads %s as %s", (url, arn) => {
    expect(queueArnOfUrl(url)).toBe(arn);
  });

  it.each(["https://eu-west-1.queue.amazonaws.com/", "https://sqs.evil.example/123456789012/q", "arn:aws:sqs:x"])(
    "names no queue for %s",
    (url) => {
      expect(queueArnOfUrl(url)).toBeNull();
    },
  );
});
