// A background bulk operation with its job's progress, for its author or a superadmin; anyone
// else is told it does not exist.
import { notFound } from '@campus/platform/errors';
import type { BulkContext } from '../bulk.context.ts';
import type { BulkOperationRow } from '../bulk.repository.ts';
import { maySee } from './bulk-rules.ts';

export async function getBulkOperation(
  ctx: Pick<BulkContext, 'repo' | 'jobs'>,
  input: { id: string; viewer: { id: string; roles: readonly string[] } | null },
): Promise<{ operation: BulkOperationRow; progress: { done: number; total: number } | null }> {
  const operation = await ctx.repo.getById(input.id);
  if (!operation || !maySee(operation, input.viewer)) throw notFound('Bulk operation');
  const progress = operation.jobId ? await ctx.jobs.progress(operation.jobId) : null;
  return { operation, progress };
}
