"use client";

import { Button } from "./ui/button";
import { useTheme } from "./use-theme";

export function ThemeToggle() {
  const { dark, toggle } = useTheme();
  return (
    <Button
      size="sm"
      onClick={toggle}
      aria-label="Toggle dark mode"
      aria-pressed={dark}
      className="shrink-0 whitespace-nowrap"
    >
      {dark ? "☀ Light" : "☾ Dark"}
    </Button>
  );
}
