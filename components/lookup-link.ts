import { lookupTargetSchema, type LookupTarget } from "@/lib/wire";
import { EVENT_SOURCES, WINDOWS } from "./lookup-options";

/** The lookup form's fields, as a link carries them. */
export interface LookupFields {
  source: LookupTarget;
  roleArn: string;
  functionName: string;
  regions: string;
  hours: number;
  eventSource: string;
  /** Portal mode: the configured account's 12-digit id; empty in single mode. */
  account: string;
}

/** Reads a shared link's fields, ignoring anything that is not one of the form's own choices. */
export function fieldsFromSearch(search: string): Partial<LookupFields> {
  const params = new URLSearchParams(search);
  const fields: Partial<LookupFields> = {};
  const role = params.get("role");
  if (role) fields.roleArn = role.slice(0, 2048);
  const fn = params.get("function");
  if (fn) fields.functionName = fn.slice(0, 256);
  const regions = params.get("regions");
  if (regions) fields.regions = regions.slice(0, 200);
  const hours = Number(params.get("hours"));
  if (WINDOWS.some((window) => window.hours === hours)) fields.hours = hours;
  const service = params.get("service");
  if (service && EVENT_SOURCES.some((item) => item.value === service)) fields.eventSource = service;
  const account = params.get("account");
  if (account && /^\d{12}$/.test(account)) fields.account = account;
  const source = lookupTargetSchema.safeParse(params.get("source"));
  if (source.success) fields.source = source.data;
  return fields;
}

/** The query string that reopens the form as it is: a link a teammate can open to run the same lookup. */
export function searchForFields(fields: LookupFields): string {
  const params = new URLSearchParams({
    role: fields.roleArn,
    regions: fields.regions,
    hours: String(fields.hours),
    source: fields.source,
  });
  if (fields.functionName) params.set("function", fields.functionName);
  if (fields.eventSource) params.set("service", fields.eventSource);
  if (fields.account) params.set("account", fields.account);
  return `?${params.toString()}`;
}

/** The lookup page opened on an account, with a role when one is known: where a pasted error's offer leads. */
export function lookupLinkFor(fields: Pick<LookupFields, "roleArn" | "account" | "regions">): string {
  const params = new URLSearchParams({ account: fields.account, regions: fields.regions, source: "aws" });
  if (fields.roleArn) params.set("role", fields.roleArn);
  return `/lookup?${params.toString()}`;
}
