// A student's own check-ins across courses, newest first, keyset-paged: the cursor carries
// PostgreSQL's own text of the last time (microseconds survive) and the last id.
import { decodeCursor, encodeCursor } from '../../courses/index.ts';
import type { ReportsContext } from '../reports.context.ts';

export async function findHistoryPage(
  ctx: Pick<ReportsContext, 'reports'>,
  input: { studentId: string; limit: number; before?: string },
) {
  const key = input.before ? decodeCursor(input.before, 2) : undefined;
  const rows = await ctx.reports.historyPage(
    input.studentId,
    input.limit,
    key ? { at: key[0] as string, id: key[1] as string } : undefined,
  );
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => ({
      id: r.id,
      session_id: r.session_id,
      session_title: r.session_title,
      course: { id: r.course_id, code: r.course_code, title: r.course_title },
      status: r.status,
      source: r.source,
      verification: r.verification,
      checked_in_at: new Date(r.checked_in_at).toISOString(),
    })),
    next_before: rows.length === input.limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
