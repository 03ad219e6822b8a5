import { anchorSet } from "./anchors";
import type { SpecialPattern } from "./special-messages";

/**
 * Denials of services whose clients word a refusal in their own protocol (Kafka's SASL, MQTT's CONNACK, OpenSearch's
 * security plugin, Kinesis Video's fragment ACKs): each names the service and, where the protocol fixes it, the action.
 */
export const GRANT_DENIALS: SpecialPattern[] = [
  // MSK IAM authentication: the broker answers a SASL handshake the caller's policy does not allow (kafka-cluster:Connect
  // first, then the topic and group actions) with "Access denied"; kafka-python, sarama, franz-go each wrap it.
  {
    pattern:
      /SaslAuthenticationFailedError: .{0,120}?Access denied|SASL Authentication failed: .{0,120}?Access denied|Access denied: SASL_AUTHENTICATION_FAILED/,
    anchors: anchorSet(
      "SaslAuthenticationFailedError: ",
      "SASL Authentication failed: ",
      "Access denied: SASL_AUTHENTICATION_FAILED",
    ),
    read: () => ({ kind: "generic-denied", service: "kafka-cluster", action: "kafka-cluster:Connect" }),
  },
  // OpenSearch fine-grained access control: its security plugin, not IAM, refused the index action; the role mapping
  // of the user (or IAM role, as a backend role) decides.
  {
    pattern: /no permissions for \[[a-z_]{1,40}:[\w/*]{1,100}\] and User \[name=/,
    anchors: anchorSet("no permissions for ["),
    read: () => ({ kind: "generic-denied", service: "es" }),
  },
  // AWS IoT Core refuses an MQTT CONNECT the certificate's IoT policy does not allow (iot:Connect on client/<id>).
  {
    pattern: /CONNACK:Client is not authenticated\/authorized|unsuccessful CONNACK.{0,400}?NOT_AUTHORIZED/,
    anchors: anchorSet("CONNACK:Client is not authenticated/authorized", "unsuccessful CONNACK"),
    read: () => ({ kind: "generic-denied", service: "iot", action: "iot:Connect" }),
  },
  // Kinesis Video Streams' fragment ACK: the producer may not use the stream's key to encrypt what it puts.
  {
    pattern: /"ErrorCode"\s{0,4}:\s{0,4}"KMS_KEY_ACCESS_DENIED"/,
    anchors: anchorSet("KMS_KEY_ACCESS_DENIED"),
    read: () => ({ kind: "generic-denied", service: "kms", action: "kms:GenerateDataKey" }),
  },
  // Greengrass (v1) acts through the account's Greengrass service role, set per Region: none is associated, or its
  // trust policy does not name greengrass.amazonaws.com.
  {
    pattern: /greengrass is not authorized to assume the service role associated with this account/i,
    anchors: anchorSet("is not authorized to assume the service role associated with this account"),
    read: () => ({
      kind: "generic-denied",
      principal: "greengrass.amazonaws.com",
      service: "greengrass",
      action: "sts:AssumeRole",
    }),
  },
  // Config's organization calls from an account outside every organization: membership, not a policy, refuses them.
  {
    pattern: /This action can only be made by accounts in an AWS Organization/,
    anchors: anchorSet("This action can only be made by accounts in an AWS Organization"),
    read: () => ({ kind: "generic-denied", service: "config" }),
  },
  // AWS Backup's job failure: its service role (not the caller) may not read the resource it protects.
  {
    pattern: /AWS Backup does not have permission to (?:describe|access) resource (arn:[^\s,]{1,400}?)\.?(?=\s|$)/,
    anchors: anchorSet("AWS Backup does not have permission to "),
    read: (m) => {
      const resource = m[1] ?? "";
      return { kind: "generic-denied", service: resource.split(":")[2] ?? "backup", resource };
    },
  },
  // AWS Backup's StartRestoreJob (and StartBackupJob) words EC2's sentence its own way when the caller may not pass
  // the Backup role it names (iam:PassRole), or that role may not act on the resource.
  {
    pattern:
      /not authorized to perform this operation\. Please consult the permissions associated with your AWS Backup role/,
    anchors: anchorSet("Please consult the permissions associated with your AWS Backup role"),
    read: () => ({ kind: "generic-denied", service: "iam", action: "iam:PassRole" }),
  },
];
