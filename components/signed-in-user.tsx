"use client";

import { useQuery } from "@tanstack/react-query";
import { portalSessionQuery } from "./queries";

/** Portal mode: who the identity proxy signed in, their groups on hover (and read out after the name). Nothing in single mode. */
export function SignedInUser() {
  const session = useQuery(portalSessionQuery());
  if (session.data?.mode !== "portal") return null;
  const { user } = session.data;
  const groups = user.groups.length > 0 ? `Groups: ${user.groups.join(", ")}` : "No groups";
  return (
    <p
      data-testid="signed-in-user"
      title={groups}
      className="max-w-[14rem] text-right text-xs break-all text-slate-600 sm:max-w-xs dark:text-slate-400"
    >
      Signed in as <span className="font-semibold text-slate-800 dark:text-slate-200">{user.email ?? user.user}</span>
      <span className="sr-only">. {groups}.</span>
    </p>
  );
}
