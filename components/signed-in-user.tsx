"use client";

import { useQuery } from "@tanstack/react-query";
import { portalSessionQuery } from "./queries";

/** Portal mode: who the identity proxy signed in, their groups on hover (and read out after the name). Nothing in single mode. */
export function SignedInUser() {
  const session = useQuery(portalSessionQuery());
  if (session.data?.mode !== "portal") return null;
  const { user } = session.data;
  const groups = user.groups.length > 0 ? `Groups: ${user.groups.join(", ")}` : "No groups";
  const [name = "", domain] = (user.email ?? user.user).split("@");
  return (
    <p
      data-testid="signed-in-user"
      title={groups}
      className="text-right text-xs break-words text-slate-600 dark:text-slate-400"
    >
      Signed in as{" "}
      <span className="font-semibold text-slate-800 dark:text-slate-200">
        {/* A phone breaks a long address before its domain rather than mid-word. */}
        {name}
        {domain !== undefined && (
          <>
            <wbr />@{domain}
          </>
        )}
      </span>
      <span className="sr-only">. {groups}.</span>
    </p>
  );
}
