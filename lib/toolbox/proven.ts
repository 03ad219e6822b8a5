import { parseAuthorizationDetails, type ParseResult } from "../parse";
import { fail, ok, type Result } from "../result";
import type { AuthorizationDetailsDocument } from "./client";

/**
 * The fetched authorization details as the engine's parse result: the same records, carrying AWS's proof, as a
 * pasted copy of `get-request-authorization-details` gives, so `diagnoseParsed` ranks them "Proven by AWS".
 */
export function provenReading(document: AuthorizationDetailsDocument): Result<ParseResult, "toolbox.unreadable"> {
  const parsed = parseAuthorizationDetails(document);
  return parsed ? ok(parsed) : fail("toolbox.unreadable", "The authorization details AWS answered could not be read.");
}
