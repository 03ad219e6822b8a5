"use client";

import { useCallback, useSyncExternalStore } from "react";

export interface RecentRole {
  roleArn: string;
  functionName: string | null;
}

const STORAGE_KEY = "whydenied-recent-roles";
const KEEP = 8;
const listeners = new Set<() => void>();
let cache: { raw: string | null; roles: RecentRole[] } = { raw: null, roles: [] };

/** What another tab or an older version wrote is checked, not trusted. */
function isRecentRole(item: unknown): item is RecentRole {
  if (typeof item !== "object" || item === null) return false;
  const { roleArn, functionName } = item as Record<string, unknown>;
  return typeof roleArn === "string" && (typeof functionName === "string" || functionName == null);
}

function read(): RecentRole[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return cache.roles;
  }
  if (raw === cache.raw) return cache.roles;
  let roles: RecentRole[] = [];
  try {
    const parsed = JSON.parse(raw ?? "[]") as unknown;
    if (Array.isArray(parsed)) roles = parsed.filter(isRecentRole).slice(0, KEEP);
  } catch {
    roles = [];
  }
  cache = { raw, roles };
  return roles;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

const NONE: RecentRole[] = [];

/** The role ARNs this browser looked up last, newest first; kept in localStorage, never sent anywhere. */
export function useRecentRoles(): { recent: RecentRole[]; remember: (role: RecentRole) => void } {
  const recent = useSyncExternalStore(subscribe, read, () => NONE);
  const remember = useCallback((role: RecentRole) => {
    const next = [role, ...read().filter((item) => item.roleArn !== role.roleArn)].slice(0, KEEP);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      return;
    }
    listeners.forEach((listener) => listener());
  }, []);
  return { recent, remember };
}
