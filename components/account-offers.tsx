"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { cn } from "@/lib/cn";
import type { Finding } from "@/lib/wire";
import { accountOffers } from "./account-offer";
import { portalSessionQuery } from "./queries";
import { FOCUS_RING } from "./ui/focus-ring";

/** Portal mode: the lookups a pasted error points at in the user's own accounts, each one click away. */
export function AccountOffers({ findings }: { findings: readonly Finding[] }) {
  const session = useQuery(portalSessionQuery());
  if (session.data?.mode !== "portal") return null;
  const offers = accountOffers(findings, session.data.accounts);
  if (offers.length === 0) return null;
  return (
    <nav
      aria-label="Look it up in your accounts"
      data-testid="account-offers"
      className="flex flex-wrap items-center gap-2 rounded-xl border border-indigo-200 bg-indigo-50 p-3 text-sm dark:border-indigo-800 dark:bg-indigo-950"
    >
      <span className="text-indigo-950 dark:text-indigo-100">This error is in an account you can search:</span>
      {offers.map((offer) => (
        <Link
          key={offer.href}
          href={offer.href}
          className={cn(
            "rounded-lg bg-indigo-600 px-3 py-1.5 font-semibold text-white shadow-sm hover:bg-indigo-700",
            FOCUS_RING,
          )}
        >
          {offer.label} →
        </Link>
      ))}
    </nav>
  );
}
