"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LOOKUP_BLIND_SPOT_NOTE } from "@/lib/run";
import { CopyButton } from "./copy-button";
import { NoAccounts } from "./no-accounts";
import { lookupStatusQuery, portalSessionQuery } from "./queries";
import { LookupForm } from "./lookup-form";
import { RunResults } from "./run-results";
import { ShareSnapshot } from "./share-snapshot";
import { SiteHeader } from "./site-header";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { useStreamRun } from "./use-stream-run";

const TAGLINE =
  "Give a Lambda function's execution role: whydenied reads CloudTrail for its denied calls and groups them into fixes.";

/** Find a role's denials in CloudTrail: the form, the live progress, the grouped fixes. */
export function LookupPage() {
  const status = useQuery(lookupStatusQuery());
  const session = useQuery(portalSessionQuery());
  const portal = session.data?.mode === "portal" ? session.data : null;
  const runner = useStreamRun();
  const lastRequest = runner.run?.kind === "lookup" ? runner.run.request : null;
  const running = runner.phase === "starting" || runner.phase === "running";
  const noCredentials = !portal && status.data?.credentials === "missing" && status.data.target === "aws";
  const error = status.error ?? session.error;
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <SiteHeader tagline={TAGLINE} />
      <main className="space-y-6">
        <h1 className="text-xl font-bold">Find a role&apos;s denials in CloudTrail</h1>
        {noCredentials && (
          <Alert tone="info" size="lg" role="status" data-testid="demo-banner">
            <strong>No AWS credentials on this server, so you are looking at demo data.</strong> To search your own
            account, start whydenied with credentials the AWS CLI would find (a profile, <code>aws sso login</code>,
            environment variables or an instance role) allowed to call <code>cloudtrail:LookupEvents</code>.
          </Alert>
        )}
        {error && (
          <Alert tone="error" role="alert">
            {error.message}
          </Alert>
        )}
        {(status.isPending || session.isPending) && (
          <p className="text-sm text-slate-600 dark:text-slate-400">Checking for AWS credentials…</p>
        )}
        {portal?.accounts.length === 0 && <NoAccounts groups={portal.user.groups} />}
        {status.data && session.data && (!portal || portal.accounts.length > 0) && (
          <LookupForm
            status={status.data}
            accounts={portal?.accounts ?? null}
            running={running}
            onSubmit={(request) => runner.start({ kind: "lookup", request })}
            onCancel={runner.cancel}
          />
        )}
        {lastRequest && (
          <p className="flex items-center justify-end gap-2 text-sm text-slate-600 dark:text-slate-400">
            A teammate can open this lookup from its link
            <CopyButton
              text={typeof window === "undefined" ? "" : window.location.href}
              label="Copy a link to this lookup"
            />
          </p>
        )}
        <RunResults
          phase={runner.phase}
          state={runner.state}
          error={runner.error}
          unit="lookup"
          requiredPolicy={status.data?.requiredPolicy}
          nothingFound={
            <>
              <h2 className="text-lg font-bold">No denials of this role in the window</h2>
              {lastRequest?.functionName && (
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  Only session &quot;{lastRequest.functionName}&quot; was searched: calls Lambda makes for the function
                  (creating network interfaces, polling queues) run in awslambda_* sessions.{" "}
                  <Button
                    variant="link"
                    onClick={() => runner.start({ kind: "lookup", request: { ...lastRequest, functionName: null } })}
                  >
                    Search the whole role
                  </Button>
                </p>
              )}
              <p className="text-sm text-slate-700 dark:text-slate-300">
                Widen the time window or the Regions, or read the note below about data events.
              </p>
            </>
          }
          footnote={
            <p>
              {LOOKUP_BLIND_SPOT_NOTE}{" "}
              <Link href="/trail" className="font-semibold text-indigo-700 underline dark:text-indigo-300">
                Upload a trail file
              </Link>
            </p>
          }
        />
        {runner.state?.done && runner.state.groups.length > 0 && (
          <ShareSnapshot content={{ kind: "lookup", groups: runner.state.groups, events: runner.state.rows }} />
        )}
      </main>
    </div>
  );
}
