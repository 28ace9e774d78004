/** What the campaign and its child process share: the job, and the messages the child sends back. */
export interface WorkerJob {
  targetModule: string;
  target: string;
  seed: number;
  from: number;
  to: number;
  heapEvery: number;
}

export interface ErrorInfo {
  name: string;
  message: string;
  stack: string;
}

/** How the previous input ended: 'parsed', a typed error's code, or null (a crash, sent on its own). */
export type Outcome = { parsed: true } | { code: string } | null;

export type FromWorker =
  /** `cpu`: the child's CPU seconds so far (process.cpuUsage), where the watchdog starts counting. */
  | { type: 'start'; index: number; previous: Outcome; cpu: number }
  | { type: 'crash'; index: number; error: ErrorInfo; unhandled: boolean }
  | { type: 'heap'; index: number; used: number; cpu: number }
  | { type: 'done'; previous: Outcome };
