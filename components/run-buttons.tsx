"use client";

import { useRef, type ReactNode } from "react";
import { Button } from "./ui/button";

/**
 * A form's start button and, while its run goes on, Cancel. Cancel disappears once the run stops,
 * so focus goes back to the start button rather than falling to the page.
 */
export function RunButtons({
  running,
  idleLabel,
  runningLabel,
  onCancel,
  children,
}: {
  running: boolean;
  idleLabel: string;
  runningLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const submitButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    onCancel();
    requestAnimationFrame(() => submitButton.current?.focus());
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button ref={submitButton} type="submit" variant="primary" disabled={running}>
        {running ? runningLabel : idleLabel}
      </Button>
      {running && <Button onClick={cancel}>Cancel</Button>}
      {children}
    </div>
  );
}
