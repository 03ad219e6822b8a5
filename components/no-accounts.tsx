import Link from "next/link";
import { Alert } from "./ui/alert";

/** Portal mode, for a user none of whose groups the configuration names: no lookup can run, and why. */
export function NoAccounts({ groups }: { groups: readonly string[] }) {
  return (
    <Alert tone="warning" size="lg" role="status" data-testid="no-accounts">
      <strong>None of your groups may use an AWS account here.</strong>{" "}
      {groups.length > 0 ? `Your groups are ${groups.join(", ")}.` : "Your sign-in carries no groups."} Ask whoever runs
      this portal to add one of them to an account in its configuration. Pasted errors are still diagnosed on the{" "}
      <Link href="/" className="font-semibold underline">
        Paste an error
      </Link>{" "}
      page.
    </Alert>
  );
}
