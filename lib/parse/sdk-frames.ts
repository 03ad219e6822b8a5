import { serviceFromSdkLabel } from "../iam";
import { anchored } from "./anchors";
import { operationOfSnakeCase, readCalls, type CallReader, type NamedCall } from "./named-call";
import { subjectOfUrl } from "./request-url";

/**
 * The Ruby, JavaScript v3, PHP and .NET SDKs name the call in their own places: a stack frame's method, the
 * deserializer of the command, the message's `Error executing "Op" on "URL"`, the exception's namespace.
 */
const SDK_READERS: CallReader[] = [
  // Ruby: `Access Denied (AWS::S3::Errors::AccessDenied)` (v1), `Aws::S3::Errors::AccessDenied` (v3).
  {
    shape: anchored(/\bA(?:WS|ws)::(\w{1,40})::Errors::(\w{1,80})/, "::Errors::"),
    read: (m) => ({ service: serviceFromSdkLabel(m[1] ?? ""), errorCode: m[2] ?? "" }),
  },
  // Ruby v1 defines each operation with eval: "from (eval):3:in `get_bucket_website'".
  {
    shape: anchored(/\(eval\):\d{1,6}:in `([a-z][a-z0-9_]{1,80})'/, "(eval):"),
    read: (m) => ({ operation: operationOfSnakeCase(m[1] ?? "") }),
  },
  // Ruby v3: "…/lib/aws-sdk-s3/client.rb:12345:in `get_object'".
  {
    shape: anchored(/\/aws-sdk-([a-z0-9]{1,40})\/client\.rb:\d{1,7}:in `([a-z][a-z0-9_]{1,80})'/, "/client.rb:"),
    read: (m) => ({ service: serviceFromSdkLabel(m[1] ?? ""), operation: operationOfSnakeCase(m[2] ?? "") }),
  },
  // JavaScript v3's deserializer frames: "deserializeAws_restXmlPutObjectTaggingCommandError", "de_GetObjectCommandError".
  {
    shape: anchored(
      /\b(?:deserializeAws_(?:restXml|restJson1|json1_0|json1_1|query|ec2)|de_)([A-Z][A-Za-z0-9]{1,80}?)CommandError\b/,
      "CommandError",
    ),
    read: (m) => ({ operation: m[1] ?? "", sourceFormat: "sdk-js" }),
  },
  {
    shape: anchored(/@aws-sdk\/client-([a-z0-9-]{1,40})\//, "@aws-sdk/client-"),
    read: (m) => ({ service: serviceFromSdkLabel(m[1] ?? ""), sourceFormat: "sdk-js" }),
  },
  // PHP: `Error executing "PutObject" on "https://…"; AWS HTTP error: Client error: 403 AccessDenied (client): …`.
  {
    shape: anchored(/Error executing "(\w{1,80})" on "([^"\s]{1,2000})"/, 'Error executing "'),
    read: (m) => {
      const subject = subjectOfUrl(m[2] ?? "");
      return {
        operation: m[1] ?? "",
        ...(subject ? { service: subject.service } : {}),
        ...(subject?.resource ? { resource: subject.resource } : {}),
      };
    },
  },
  {
    shape: anchored(/\bA(?:ws|WS)\\{1,2}(\w{1,40})\\{1,2}Exception\\/, "\\Exception\\"),
    read: (m) => ({ service: serviceFromSdkLabel(m[1] ?? "") }),
  },
  {
    shape: anchored(/\b([A-Z][\w.]{1,80}) \((?:client|server)\): /, " (client): ", " (server): "),
    read: (m) => ({ errorCode: m[1] ?? "" }),
  },
  // Guzzle's status line, the only code when the body was cut off: "resulted in a `403 Forbidden` response".
  {
    shape: anchored(/resulted in a `403 (Forbidden)` response/, "resulted in a `403"),
    read: (m) => ({ errorCode: m[1] ?? "" }),
  },
  // .NET: "Amazon.S3.AmazonS3Exception: Error making request with Error Code Forbidden and Http Status Code Forbidden".
  {
    shape: anchored(/\bAmazon\.(?!Runtime\.)(\w{1,40})\.Amazon\w{0,40}Exception\b/, ".Amazon"),
    read: (m) => ({ service: serviceFromSdkLabel(m[1] ?? "") }),
  },
  {
    shape: anchored(
      /Error making request with Error Code (\w{1,80}) and Http Status Code/,
      "Error making request with",
    ),
    read: (m) => ({ errorCode: m[1] ?? "" }),
  },
];

/** What the Ruby, JavaScript v3, PHP or .NET SDK says of the failed call on one line, if it says anything. */
export function readSdkFrames(line: string): NamedCall | null {
  return readCalls(SDK_READERS, line);
}
