/**
 * Profiling driver for the paste benchmark (same measurement, no BENCHMARKS.md update):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-paste.ts [messages]
 *   npx tsx bench/summarize-profile.ts "$(ls -S /tmp/prof/*.cpuprofile | head -1)"
 * tsx's loader thread writes a second, mostly idle profile: the largest file is the main thread's.
 * Add --no-turbo-inlining to charge time to small functions rather than to their inlining callers.
 */
import { measureDiagnoseThroughput } from "./diagnose-throughput";

const result = await measureDiagnoseThroughput(Number(process.argv[2] ?? 100_000));
console.log(`${Math.round(result.messagesPerSecond).toLocaleString("en")} messages/s (${result.seconds.toFixed(2)} s)`);
