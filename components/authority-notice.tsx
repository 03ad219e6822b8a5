import type { AuthorityOutcome } from "@/lib/wire";
import { Alert } from "./ui/alert";

const PROVEN_LEAD = "Proven by AWS: ";

/** The lead in bold, then the server's words (which say the lead themselves when AWS proved the denial). */
function partsOf(outcome: AuthorityOutcome): { lead: string; text: string } {
  if (outcome.status !== "proven") return { lead: "AWS could not be asked", text: outcome.message };
  const text = outcome.message.startsWith(PROVEN_LEAD) ? outcome.message.slice(PROVEN_LEAD.length) : outcome.message;
  return { lead: "Proven by AWS", text };
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
        const { lead, text } = partsOf(outcome);
        return (
          <li key={outcome.authorizationId}>
            <Alert
              tone={outcome.status === "proven" ? "info" : "warning"}
              role="note"
              data-testid="authority"
              data-status={outcome.status}
              className="break-words"
            >
              <strong>{lead}:</strong> {text}
              {outcome.deniedBy?.statement && (
                <figure className="mt-2">
                  <figcaption className="text-xs font-semibold">
                    Statement {outcome.deniedBy.sid} as it was when the request was denied
                  </figcaption>
                  <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-white/60 p-2 font-mono text-xs dark:bg-slate-950/60">
                    {JSON.stringify(outcome.deniedBy.statement, null, 2)}
                  </pre>
                </figure>
              )}
              <span className="mt-1 block font-mono text-xs opacity-80">
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
