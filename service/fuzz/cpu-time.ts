import { readFileSync } from 'node:fs';

/**
 * CPU seconds a process has used (user + system), read from /proc; null where there is no /proc.
 * The watchdog counts CPU time, not wall time: on a machine shared with other work a reader may wait
 * for the CPU for seconds, and that is no hang.
 */
const TICKS_PER_SECOND = 100;

export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
