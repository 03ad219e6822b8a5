"use client";

import { parseRoleTarget } from "@/lib/lookup";
import type { PortalAccountView } from "@/lib/wire";
import { Button } from "./ui/button";
import { FieldHint, Label, Select } from "./ui/field";

/** How a picker option names an account: its name, then its id to tell look-alike names apart. */
const accountLabel = (account: PortalAccountView) => `${account.name} · ${account.accountId}`;

/** The account a typed role ARN belongs to, when it parses. */
function accountOfRole(roleArn: string): string | null {
  const target = parseRoleTarget(roleArn);
  return target.ok ? target.value.account : null;
}

/**
 * Portal mode: which configured account the lookup reads CloudTrail in (the server assumes its role). A role ARN of
 * another account is pointed out, with a switch when that account is one of the user's own.
 */
export function AccountPicker({
  accounts,
  value,
  roleArn,
  onChange,
}: {
  accounts: readonly PortalAccountView[];
  value: string;
  roleArn: string;
  onChange: (account: PortalAccountView) => void;
}) {
  const chosen = accounts.find((account) => account.accountId === value);
  const roleAccount = accountOfRole(roleArn);
  const elsewhere = roleAccount !== null && roleAccount !== value;
  const roleHome = elsewhere ? accounts.find((account) => account.accountId === roleAccount) : undefined;
  return (
    <div className="md:col-span-2">
      <Label htmlFor="account">AWS account</Label>
      <Select
        id="account"
        value={value}
        aria-describedby="account-help"
        onChange={(event) => {
          const next = accounts.find((account) => account.accountId === event.target.value);
          if (next) onChange(next);
        }}
      >
        {accounts.map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {accountLabel(account)}
          </option>
        ))}
      </Select>
      <FieldHint id="account-help">
        {elsewhere && chosen ? (
          <span className="text-amber-800 dark:text-amber-300">
            This role is in account {roleHome ? roleHome.name : roleAccount}; the lookup reads {chosen.name}&apos;s
            CloudTrail.{" "}
            {roleHome && (
              <Button variant="link" onClick={() => onChange(roleHome)}>
                Look in {roleHome.name} instead
              </Button>
            )}
          </span>
        ) : (
          "whydenied reads this account's CloudTrail with its read-only role, in your name. Choosing one sets its Regions."
        )}
      </FieldHint>
    </div>
  );
}
