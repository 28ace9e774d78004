import type { SepaIssue } from './model.js';

/** Collects the problems (refusing) and warnings (informing) found while preparing a run. */
export class Issues {
  readonly problems: SepaIssue[] = [];
  readonly warnings: SepaIssue[] = [];

  constructor(private readonly transaction?: number) {}

  problem(code: string, message: string, field?: string): void {
    this.problems.push(this.issue(code, message, field));
  }

  warning(code: string, message: string, field?: string): void {
    this.warnings.push(this.issue(code, message, field));
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  private issue(code: string, message: string, field?: string): SepaIssue {
    return {
      code,
      message,
      ...(this.transaction === undefined ? {} : { transaction: this.transaction }),
      ...(field === undefined ? {} : { field }),
    };
  }
}

/** For normalising again a run already checked: whatever it would report was reported before. */
export class DiscardedIssues extends Issues {
  override problem(): void {}
  override warning(): void {}
}
