import type { ServerResponse } from "node:http";

/** The XML namespace of STS's AWS Query answers. */
const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text made safe inside an XML element. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** Whether a request is an AWS Query call: a form-encoded POST, as the SDK's STS client sends. */
export function isQueryRequest(contentType: string | undefined, method: string, path: string): boolean {
  return method === "POST" && path === "/" && (contentType ?? "").startsWith("application/x-www-form-urlencoded");
}

function sendXml(response: ServerResponse, status: number, xml: string, requestId: string): void {
  response.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(xml),
    "x-amzn-requestid": requestId,
  });
  response.end(xml);
}

/** Answers `<{operation}Response><{operation}Result>…</…Result><ResponseMetadata>…` with `resultXml` inside. */
export function sendQueryResult(
  response: ServerResponse,
  operation: string,
  resultXml: string,
  requestId: string,
): void {
  const xml =
    `<${operation}Response xmlns="${STS_NAMESPACE}"><${operation}Result>${resultXml}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  sendXml(response, 200, xml, requestId);
}

/** Answers an AWS Query error: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`. */
export function sendQueryError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  const type = status >= 500 ? "Receiver" : "Sender";
  const xml =
    `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  sendXml(response, status, xml, requestId);
}
