"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { portalSessionQuery } from "./queries";
import { FOCUS_RING } from "./ui/focus-ring";

/** The header's link to the Recent page, shown only when the server runs as a portal (it keeps no history otherwise). */
export function RecentLink() {
  const session = useQuery(portalSessionQuery());
  const current = usePathname() === "/recent";
  if (session.data?.mode !== "portal") return null;
  return (
    <Link
      href="/recent"
      aria-current={current ? "page" : undefined}
      className={cn(
        "rounded-lg px-4 py-2 text-sm font-semibold",
        FOCUS_RING,
        current
          ? "bg-indigo-600 text-white shadow-sm"
          : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
      )}
    >
      Recent
    </Link>
  );
}
