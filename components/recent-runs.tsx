import Link from "next/link";
import { LAYER_INFO } from "@/lib/classify";
import { cn } from "@/lib/cn";
import type { HistoryRun, RunKind } from "@/lib/wire";
import { formatDate } from "./format";
import { LAYER_CHIP } from "./layer-style";
import { Badge } from "./ui/badge";
import { FOCUS_RING } from "./ui/focus-ring";

const KIND_LABEL: Record<RunKind, string> = {
  diagnose: "Pasted error",
  lookup: "CloudTrail lookup",
  trail: "Trail file",
  snapshot: "Shared snapshot",
};

/** Roles and actions shown per run before "+N more"; the full list is in the cell's title. */
const SHOWN = 2;

/** `arn:aws:iam::111111111111:role/service/orders-api` → `orders-api`. */
const nameOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1) || arn;

function FewOf({ values, name = (value: string) => value }: { values: string[]; name?: (value: string) => string }) {
  if (values.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const more = values.length - SHOWN;
  return (
    <span title={values.join("\n")} className="block font-mono text-xs">
      {values.slice(0, SHOWN).map((value) => (
        <span key={value} className="block break-all lg:break-normal lg:whitespace-nowrap">
          {name(value)}
        </span>
      ))}
      {more > 0 && <span className="block font-sans text-slate-600 dark:text-slate-400">+{more} more</span>}
    </span>
  );
}

function Layers({ run }: { run: HistoryRun }) {
  if (run.layers.length === 0) return <span className="text-slate-500 dark:text-slate-400">no denial</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {run.layers.map((layer) => (
        <Badge key={layer} className={cn(LAYER_CHIP[layer], "whitespace-normal")}>
          {LAYER_INFO[layer].label}
        </Badge>
      ))}
    </span>
  );
}

function What({ run }: { run: HistoryRun }) {
  return (
    <span className="flex flex-col gap-0.5">
      <span>{KIND_LABEL[run.kind]}</span>
      {run.snapshotId && (
        <Link
          href={`/d/${run.snapshotId}`}
          className={cn("rounded font-semibold text-indigo-700 underline dark:text-indigo-300", FOCUS_RING)}
        >
          Open snapshot
        </Link>
      )}
    </span>
  );
}

const account = (run: HistoryRun) => run.account?.name ?? "no account";

const CELL = "px-3 py-2 align-top";

/** The recorded runs: a table on wide screens, a list of cards on a phone; the same facts either way. */
export function RecentRuns({ runs }: { runs: HistoryRun[] }) {
  return (
    <>
      {/* Focusable, so a keyboard can scroll the table sideways when its roles and actions are wide. */}
      <div
        role="region"
        aria-label="Recent runs table"
        tabIndex={0}
        className={cn(
          "hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block dark:border-slate-700 dark:bg-slate-900",
          FOCUS_RING,
        )}
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Recent runs, newest first</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-700 dark:text-slate-400">
            <tr>
              {["When", "Who", "Account", "Role", "Action", "Layer", "What"].map((heading) => (
                <th key={heading} scope="col" className={CELL}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
            {runs.map((run) => (
              <tr key={run.id} data-testid="recent-run">
                <td className={CELL}>{formatDate(run.at)}</td>
                <td className={cn(CELL, "break-words")}>{run.user}</td>
                <td className={CELL}>{account(run)}</td>
                <td className={CELL}>
                  <FewOf values={run.roles} name={nameOf} />
                </td>
                <td className={CELL}>
                  <FewOf values={run.actions} />
                </td>
                <td className={CELL}>
                  <Layers run={run} />
                </td>
                <td className={CELL}>
                  <What run={run} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="space-y-3 md:hidden" aria-label="Recent runs, newest first">
        {runs.map((run) => (
          <li
            key={run.id}
            className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <p className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600 dark:text-slate-400">
              <span>{formatDate(run.at)}</span>
              <span>{account(run)}</span>
            </p>
            <p className="font-semibold break-words">{run.user}</p>
            <Layers run={run} />
            <dl className="grid grid-cols-[4.5rem_1fr] gap-x-2 gap-y-1">
              <dt className="text-slate-600 dark:text-slate-400">Role</dt>
              <dd>
                <FewOf values={run.roles} name={nameOf} />
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">Action</dt>
              <dd>
                <FewOf values={run.actions} />
              </dd>
            </dl>
            <What run={run} />
          </li>
        ))}
      </ol>
    </>
  );
}
