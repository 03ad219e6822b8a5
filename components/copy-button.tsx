"use client";

import { useEffect, useState } from "react";
import { Button } from "./ui/button";

type CopyState = { status: "idle" } | { status: "copied" | "failed"; text: string };

/** How long "Copied" stays before the button reads "Copy" again. */
const SAY_COPIED_MS = 1500;

/** Copies text to the clipboard and says so for a moment (announced to screen readers). */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<CopyState>({ status: "idle" });
  useEffect(() => {
    if (state.status === "idle") return;
    const timer = setTimeout(() => setState({ status: "idle" }), SAY_COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState({ status: "copied", text });
    } catch {
      setState({ status: "failed", text });
    }
  };
  // "Copied" belongs to the text that was copied: another tab's text, shown in the same button, was not.
  const status = state.status !== "idle" && state.text === text ? state.status : "idle";
  return (
    <Button variant="subtle" onClick={() => void copy()} aria-label={label} className={className}>
      <span aria-live="polite">{status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : "Copy"}</span>
    </Button>
  );
}
