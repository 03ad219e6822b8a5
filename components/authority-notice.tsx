import type { AuthorityOutcome } from "@/lib/wire";
import { Alert } from "./ui/alert";

/** The lead of each outcome: AWS's own word, or why it could not be had (the server's message says the rest). */
function leadOf(outcome: AuthorityOutcome): string {
  return outcome.status === "proven" ? "Proven by AWS" : "AWS could not be asked";
}

/**
 * Portal mode, above the findings: for each authorization id in the paste, whether AWS's own authorization details
 * were read (the findings then say "Proven by AWS") or why not, in which case the findings are whydenied's reading.
 */
export function AuthorityNotice({ outcomes }: { outcomes: readonly AuthorityOutcome[] }) {
  if (outcomes.length === 0) return null;
  return (
    <ul aria-label="What AWS itself says" className="space-y-2">
      {outcomes.map((outcome) => {
        const proven = outcome.status === "proven";
        return (
          <li key={outcome.authorizationId}>
            <Alert tone={proven ? "info" : "warning"} role="note" data-testid="authority" data-status={outcome.status}>
              <strong>{leadOf(outcome)}:</strong> {outcome.message}
              {!proven && " — the findings below are whydenied's own reading."}
              <span className="mt-1 block font-mono text-xs break-all opacity-80">
                Authorization id {outcome.authorizationId}
                {outcome.account && ` · account ${outcome.account}`}
              </span>
            </Alert>
          </li>
        );
      })}
    </ul>
  );
}
