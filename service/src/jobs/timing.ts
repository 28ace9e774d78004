/**
 * How fast a dead worker's job is taken over. A running job's worker writes a heartbeat every
 * HEARTBEAT; a job whose heartbeat is older than STALE is abandoned, and the next worker that looks
 * for work (every half second when idle) takes it over, so a job is picked up again within a minute
 * of its worker dying. STALE leaves room for four heartbeats, so a busy or briefly stalled worker
 * does not lose its job.
 */
import { invalid } from '../domain/errors.js';

export const DEFAULT_STALE_MS = 45_000;
export const MAX_HEARTBEAT_MS = 10_000;
export const POLL_MS = 500;

export interface JobTiming {
  /** How often a running job's worker says it is alive. */
  heartbeatMs: number;
  /** After how long without a heartbeat a running job counts as abandoned. */
  staleAfterMs: number;
}

export function jobTiming(staleAfterMs: number = DEFAULT_STALE_MS): JobTiming {
  return { staleAfterMs, heartbeatMs: Math.min(MAX_HEARTBEAT_MS, Math.floor(staleAfterMs / 4)) };
}

/** CASH_JOB_STALE_SECONDS overrides the stale time (tests and operators who want faster or slower takeover). */
export function jobTimingFromEnv(env: NodeJS.ProcessEnv = process.env): JobTiming {
  const raw = env.CASH_JOB_STALE_SECONDS;
  if (raw === undefined || raw === '') return jobTiming();
  const seconds = Number(raw);
  if (!(Number.isFinite(seconds) && seconds >= 1 && seconds <= 3600)) {
    throw invalid('JOB_STALE_SECONDS_INVALID', `CASH_JOB_STALE_SECONDS must be a number of seconds from 1 to 3600, not "${raw}"`);
  }
  return jobTiming(Math.round(seconds * 1000));
}
