"use client";

import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { decodeFragment, isPasteFragment } from "@/lib/link";

/** What the address's fragment held: nothing of ours, a link being read, a link read, or a link that failed. */
export type PasteLinkState =
  { status: "none" } | { status: "opening" } | { status: "opened" } | { status: "failed"; message: string };

/**
 * Opens a paste link: reads `#paste=…` when the page loads and whenever the fragment changes (a link pasted into
 * the same tab), and hands the decoded text to `onOpen`. The fragment is read here only; browsers never send it.
 * `forget` takes the link out of the address, so a new paste does not sit under an old link.
 */
export function usePasteLink(onOpen: (text: string) => void): { link: PasteLinkState; forget: () => void } {
  const [state, setState] = useState<PasteLinkState>({ status: "none" });
  const open = useEffectEvent(onOpen);
  useEffect(() => {
    let turn = 0;
    const read = async () => {
      const mine = ++turn;
      const fragment = window.location.hash;
      if (!isPasteFragment(fragment)) {
        setState({ status: "none" });
        return;
      }
      setState({ status: "opening" });
      const result = await decodeFragment(fragment);
      if (mine !== turn) return;
      if (!result.ok) {
        setState({ status: "failed", message: result.error.message });
        return;
      }
      setState({ status: "opened" });
      open(result.value);
    };
    const onHashChange = () => void read();
    void read();
    window.addEventListener("hashchange", onHashChange);
    return () => {
      turn++;
      window.removeEventListener("hashchange", onHashChange);
    };
  }, []);
  const forget = useCallback(() => {
    setState({ status: "none" });
    if (!isPasteFragment(window.location.hash)) return;
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  }, []);
  return { link: state, forget };
}
