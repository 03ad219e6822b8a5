import { readFileSync } from "node:fs";

/** Linux's clock ticks per second for /proc times (USER_HZ), 100 on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time a process has used so far (user and system, all its threads), in ms, from /proc/<pid>/stat; null once
 * the process is gone. A process's CPU per request depends much less on the machine's other load than requests/s do.
 */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
