"use client";

import { useState, type FormEvent } from "react";
import { cn } from "@/lib/cn";
import { parseRoleTarget } from "@/lib/lookup";
import type { DemoRole, LookupRequestBody, LookupStatus, LookupTarget, PortalAccountView } from "@/lib/wire";
import { AccountPicker } from "./account-picker";
import { RunButtons } from "./run-buttons";
import { fieldsFromSearch, searchForFields } from "./lookup-link";
import { EVENT_SOURCES, WINDOWS } from "./lookup-options";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { FieldHint, Input, Label, Select } from "./ui/field";
import { FOCUS_WITHIN_RING } from "./ui/focus-ring";
import { useRecentRoles } from "./use-recent-roles";

const ROLE_HINT =
  "A role ARN, or an assumed-role ARN copied from an error (its session name becomes the function name). " +
  "Recent roles are remembered in this browser only.";

/** The account a link names when the user may use it, else their first. */
function initialAccount(accounts: readonly PortalAccountView[] | null, linked: string | undefined) {
  return accounts?.find((account) => account.accountId === linked) ?? accounts?.[0] ?? null;
}

/**
 * Role, function, Regions, window and service of a CloudTrail lookup; validated before sending. `accounts` is the
 * portal's list of the user's accounts (a picker replaces the demo choice), null in single mode.
 */
export function LookupForm({
  status,
  accounts,
  running,
  onSubmit,
  onCancel,
}: {
  status: LookupStatus;
  accounts: readonly PortalAccountView[] | null;
  running: boolean;
  onSubmit: (request: LookupRequestBody) => void;
  onCancel: () => void;
}) {
  const noCredentials = status.credentials === "missing" && status.target === "aws";
  // The form renders only in the browser (after the status query), so a shared link can fill it at once.
  const [linked] = useState(() => fieldsFromSearch(window.location.search));
  const portal = accounts !== null;
  const [source, setSource] = useState<LookupTarget>(
    !portal && (linked.source === "demo" || (noCredentials && status.demo.enabled)) ? "demo" : "aws",
  );
  const [account, setAccount] = useState(() => initialAccount(accounts, linked.account));
  const [roleArn, setRoleArn] = useState(linked.roleArn ?? "");
  const [functionName, setFunctionName] = useState(linked.functionName ?? "");
  const [regions, setRegions] = useState(linked.regions ?? account?.regions.join(", ") ?? status.defaultRegion);
  const [includeGlobalRegion, setIncludeGlobalRegion] = useState(true);
  const [hours, setHours] = useState(linked.hours ?? 24);
  const [eventSource, setEventSource] = useState(linked.eventSource ?? "");
  const [roleError, setRoleError] = useState<string | null>(null);
  const { recent, remember } = useRecentRoles();
  const chooseAccount = (chosen: PortalAccountView) => {
    setAccount(chosen);
    setRegions(chosen.regions.join(", "));
  };
  const dataEvents = EVENT_SOURCES.find((item) => item.value === eventSource)?.dataEvents;

  const applyPreset = (role: DemoRole) => {
    setRoleArn(role.roleArn);
    setFunctionName(role.functionName ?? "");
    setRegions(role.region);
    setHours(168);
    setRoleError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseRoleTarget(roleArn);
    if (!target.ok) {
      setRoleError(target.error.message);
      return;
    }
    setRoleError(null);
    if (source === "aws") remember({ roleArn: roleArn.trim(), functionName: functionName.trim() || null });
    window.history.replaceState(
      null,
      "",
      searchForFields({
        source,
        roleArn: roleArn.trim(),
        functionName: functionName.trim(),
        regions,
        hours,
        eventSource,
        account: account?.accountId ?? "",
      }),
    );
    onSubmit({
      roleArn: roleArn.trim(),
      functionName: functionName.trim() || null,
      regions: regions.split(/[\s,]+/).filter(Boolean),
      includeGlobalRegion,
      window: { hours },
      eventSource: eventSource || null,
      source,
      ...(account ? { account: account.accountId } : {}),
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      {status.demo.enabled && !portal && (
        <fieldset className="space-y-2">
          <legend className="block text-sm font-semibold text-slate-800 dark:text-slate-200">Where to look</legend>
          <div className="flex flex-wrap gap-2">
            {(["aws", "demo"] as const).map((value) => (
              <label
                key={value}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium",
                  "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
                  FOCUS_WITHIN_RING,
                  source === value
                    ? "border-indigo-500 bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
                    : "border-slate-300 dark:border-slate-600",
                )}
              >
                <input
                  type="radio"
                  name="source"
                  value={value}
                  checked={source === value}
                  disabled={value === "aws" && noCredentials}
                  onChange={() => setSource(value)}
                  className="accent-indigo-600"
                />
                {value === "demo"
                  ? "Demo data (no AWS account needed)"
                  : status.target === "endpoint"
                    ? "The configured CloudTrail endpoint"
                    : noCredentials
                      ? "Your AWS account (no credentials on the server)"
                      : "Your AWS account"}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {source === "demo" && status.demo.roles.length > 0 && (
        <div className="space-y-2">
          <p className="text-sm text-slate-700 dark:text-slate-300">Try one of the demo functions:</p>
          <div className="flex flex-wrap gap-2">
            {status.demo.roles.map((role) => (
              <Button
                key={role.roleArn}
                variant="chip"
                onClick={() => applyPreset(role)}
                aria-label={`Demo: ${role.functionName ?? role.roleArn} in ${role.region}`}
              >
                {role.functionName ?? role.roleArn.split("/").pop()}{" "}
                <span className="text-slate-500 dark:text-slate-400">· {role.region}</span>
              </Button>
            ))}
          </div>
        </div>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        {accounts && account && (
          <AccountPicker accounts={accounts} value={account.accountId} roleArn={roleArn} onChange={chooseAccount} />
        )}
        <div className="md:col-span-2">
          <Label htmlFor="role-arn">Execution role ARN</Label>
          <Input
            id="role-arn"
            value={roleArn}
            onChange={(event) => setRoleArn(event.target.value)}
            list="recent-roles"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder={`arn:aws:iam::${account?.accountId ?? "123456789012"}:role/my-function-role`}
            aria-invalid={roleError !== null}
            aria-describedby="role-arn-help"
            className="font-mono"
          />
          <datalist id="recent-roles">
            {recent.map((role) => (
              <option key={role.roleArn} value={role.roleArn}>
                {role.functionName ?? ""}
              </option>
            ))}
          </datalist>
          <FieldHint id="role-arn-help" error={roleError}>
            {ROLE_HINT}
          </FieldHint>
        </div>
        <div>
          <Label htmlFor="function-name" optional>
            Function name
          </Label>
          <Input
            id="function-name"
            value={functionName}
            onChange={(event) => setFunctionName(event.target.value)}
            spellCheck={false}
            placeholder="orders-api"
            aria-describedby="function-name-help"
            className="font-mono"
          />
          <FieldHint id="function-name-help">
            Narrows the scan to the function&apos;s own session: much faster.
          </FieldHint>
        </div>
        <div>
          <Label htmlFor="regions">Regions</Label>
          <Input
            id="regions"
            value={regions}
            onChange={(event) => setRegions(event.target.value)}
            spellCheck={false}
            aria-describedby="regions-help"
            className="font-mono"
          />
          <label id="regions-help" className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
            <input
              type="checkbox"
              checked={includeGlobalRegion}
              onChange={(event) => setIncludeGlobalRegion(event.target.checked)}
              className="accent-indigo-600"
            />
            Also search us-east-1, where IAM and STS events are recorded
          </label>
        </div>
        <div>
          <Label htmlFor="window">Time window</Label>
          <Select id="window" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
            {WINDOWS.map((item) => (
              <option key={item.hours} value={item.hours}>
                {item.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="event-source">Service</Label>
          <Select id="event-source" value={eventSource} onChange={(event) => setEventSource(event.target.value)}>
            {EVENT_SOURCES.map((item) => (
              <option key={item.value} value={item.value}>
                {item.label}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {dataEvents && (
        <Alert tone="warning" role="note">
          CloudTrail lookups only return management events: {dataEvents} are data events and never appear here. If the
          denial was one of those, upload the trail&apos;s log files on the{" "}
          <a href="/trail" className="font-semibold underline">
            Trail file
          </a>{" "}
          page (the trail must log data events).
        </Alert>
      )}

      <RunButtons running={running} idleLabel="Find denials" runningLabel="Looking up…" onCancel={onCancel}>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Paced to CloudTrail&apos;s limit of 2 requests per second per Region.
        </span>
      </RunButtons>
    </form>
  );
}
