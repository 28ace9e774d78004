/** `cash jobs …`: see and steer a tenant's background jobs — list, show, retry, cancel. */
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { JOB_STATUSES, type Job, type JobStatus } from '../../jobs/queue.js';
import type { Services } from '../../runtime/services.js';
import { LIMIT_HELP, parseLimit } from '../limit-option.js';
import { asTenant } from './cli-tenant.js';
import { WORKER_HELP } from './jobs-help.js';

const when = (d: Date | null) => (d ? d.toISOString() : '-');

function line(job: Job): string {
  const { done, total, message } = job.progress;
  const progress = total === null ? (done ? `${done}` : '') : `${done}/${total}`;
  return [job.id, job.status.padEnd(9), job.type, progress, message ?? '', job.error ? `${job.error.code}: ${job.error.message}` : '']
    .filter(Boolean)
    .join('  ');
}

function details(job: Job): string {
  const { done, total, message } = job.progress;
  return [
    `job ${job.id} (${job.type}): ${job.status}`,
    `  progress:  ${done}${total === null ? '' : `/${total}`}${message ? ` ${message}` : ''}`,
    `  attempts:  ${job.attempts} of ${job.maxAttempts}`,
    `  worker:    ${job.worker ?? '-'}${job.status === 'running' ? `, last heartbeat ${when(job.heartbeatAt)}` : ''}`,
    ...(job.cancelRequestedAt ? [`  cancel asked: ${when(job.cancelRequestedAt)}`] : []),
    `  created:   ${when(job.createdAt)} by ${job.createdBy}; updated ${when(job.updatedAt)}; finished ${when(job.finishedAt)}`,
    ...(job.error ? [`  error:     ${job.error.code}: ${job.error.message}`] : []),
    ...(job.result !== null ? [`  result:    ${JSON.stringify(job.result)}`] : []),
    ...(job.status === 'queued' ? ['  waiting for a worker: `cash worker`, or `cash serve` (see `cash jobs --help`)'] : []),
  ].join('\n');
}

const print = (job: Job, json: boolean | undefined) => process.stdout.write(json ? `${JSON.stringify(job)}\n` : `${details(job)}\n`);

export function registerJobs(program: Command): void {
  const group = program
    .command('jobs')
    .description('See and steer background jobs (imports, payment runs, matching): list, show, retry, cancel')
    .addHelpText('after', WORKER_HELP);

  group
    .command('list')
    .description('the tenant\'s jobs, newest first (JSON lines with --json)')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--status <status>', JOB_STATUSES.join(' | '))
    .option('--limit <n>', LIMIT_HELP, '20')
    .option('--json', 'print one JSON object per line')
    .action(async (options: { tenant: string; status?: string; limit: string; json?: boolean }) => {
      const limit = parseLimit(options.limit);
      if (options.status !== undefined && !(JOB_STATUSES as readonly string[]).includes(options.status)) {
        throw invalid('JOB_STATUS_UNKNOWN', `--status must be one of ${JOB_STATUSES.join(', ')}`);
      }
      await asTenant(options.tenant, 'Jobs', async (services, ctx) => {
        const jobs = await services.jobs.list(ctx.tenantId, limit, options.status ? { status: options.status as JobStatus } : {});
        for (const job of jobs) process.stdout.write(options.json ? `${JSON.stringify(job)}\n` : `${line(job)}\n`);
        if (!options.json && jobs.length === 0) process.stdout.write('no jobs\n');
      });
    });

  const one = (name: string, description: string, act: (services: Services, tenantId: string, id: string, actor: string) => Promise<Job>) =>
    group
      .command(name)
      .description(description)
      .argument('<id>', 'job id')
      .requiredOption('--tenant <id>', 'tenant id')
      .option('--json', 'print the job as JSON')
      .action(async (id: string, options: { tenant: string; json?: boolean }) => {
        await asTenant(options.tenant, 'Jobs', async (services, ctx) => print(await act(services, ctx.tenantId, id, ctx.actor), options.json));
      });

  one('show', 'a job with its status, progress, attempts, worker and result', (s, tenantId, id) => s.jobs.get(tenantId, id));
  one('retry', 'queue a failed or cancelled job again, from the start', (s, tenantId, id) => s.jobs.retry(tenantId, id));
  one(
    'cancel',
    'cancel a queued job at once, or ask a running one to stop at its next progress report',
    (s, tenantId, id, actor) => s.jobs.cancel(tenantId, id, actor),
  );
}
