/** One problem found by a check, pointing at a file of the project (relative path). */
export interface Finding {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface CheckResult {
  readonly check: string;
  readonly findings: readonly Finding[];
  /** Set when the check could not run (for example no Java); a failure under CI=true. */
  readonly skipped?: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}${f.line === undefined ? '' : `:${f.line}`}: ${f.message}`;
}
