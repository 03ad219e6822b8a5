"use client";

import { useQuery } from "@tanstack/react-query";
import { NavLink } from "./nav-link";
import { portalSessionQuery } from "./queries";

/** The header's link to the Recent page, shown only when the server runs as a portal (it keeps no history otherwise). */
export function RecentLink() {
  const session = useQuery(portalSessionQuery());
  if (session.data?.mode !== "portal") return null;
  return <NavLink href="/recent">Recent</NavLink>;
}
