"use client";

import Link from "next/link";
import { cn } from "@/lib/cn";
import { NavLink } from "./nav-link";
import { RecentLink } from "./recent-link";
import { SignedInUser } from "./signed-in-user";
import { ThemeToggle } from "./theme-toggle";
import { FOCUS_RING } from "./ui/focus-ring";

const PAGES = [
  { href: "/", label: "Paste an error" },
  { href: "/lookup", label: "CloudTrail lookup" },
  { href: "/trail", label: "Trail file" },
];

/** Brand, the three ways in, the theme switch, and in portal mode who is signed in. */
export function SiteHeader({ tagline }: { tagline: string }) {
  return (
    <header className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-3xl font-extrabold tracking-tight">
            <Link href="/" className={cn("rounded", FOCUS_RING)}>
              why<span className="text-indigo-600 dark:text-indigo-400">denied</span>
            </Link>
          </p>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{tagline}</p>
        </div>
        <div className="flex flex-col items-end gap-2 sm:shrink-0">
          <ThemeToggle />
          <SignedInUser />
        </div>
      </div>
      <nav
        aria-label="Ways to diagnose"
        className="flex flex-wrap gap-1 rounded-xl border border-slate-200 bg-white p-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {PAGES.map((page) => (
          <NavLink key={page.href} href={page.href}>
            {page.label}
          </NavLink>
        ))}
        <RecentLink />
      </nav>
    </header>
  );
}
