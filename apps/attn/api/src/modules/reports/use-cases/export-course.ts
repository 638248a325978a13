// A course's attendance as CSV, for its teachers: one line per (held session, enrolled
// student), streamed in batches through the platform's writer, which neutralises cells a
// spreadsheet would run as formulas (a name like "=HYPERLINK(...)"). Personal data leaving the
// system: the export is audited, by whom and which course, before the first byte.
import type { Readable } from 'node:stream';
import type { Clock } from '@campus/platform/clock';
import { csvStream } from '@campus/platform/csv';
import type { AttendanceReports, ExportRow } from '../../attendance/index.ts';
import { assertTeaches } from '../../courses/index.ts';
import type { Actor, ReportsContext } from '../reports.context.ts';

type Repo = AttendanceReports;
type Line = ExportRow & { session_id: string; session_title: string | null; opened_at: number };

const BATCH = 5000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function exportCourseCsv(repo: Repo, clock: Clock, courseId: string): Readable {
  async function* batches(): AsyncGenerator<Line[]> {
    for (const session of await repo.heldSessions(courseId, clock.now())) {
      let after = '';
      for (;;) {
        const rows = await repo.exportBatch(courseId, session.id, after, BATCH);
        if (rows.length === 0) break;
        yield rows.map((r) => ({
          ...r,
          session_id: session.id,
          session_title: session.title,
          opened_at: session.opened_at,
        }));
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1]?.school_number ?? after;
      }
    }
  }
  return csvStream<Line>(
    [
      { header: 'session_id', value: (r) => r.session_id },
      { header: 'session_title', value: (r) => r.session_title },
      { header: 'session_opened_at', value: (r) => iso(r.opened_at) },
      { header: 'school_number', value: (r) => r.school_number },
      { header: 'full_name', value: (r) => r.full_name },
      { header: 'attendance', value: (r) => r.status ?? 'absent' },
      { header: 'excuse_category', value: (r) => r.excuse_category },
      { header: 'source', value: (r) => r.source },
      { header: 'checked_in_at', value: (r) => iso(r.checked_in_at) },
    ],
    batches(),
  );
}

export async function exportCourse(
  ctx: ReportsContext,
  input: { teacherId: string; courseId: string; actor: Actor },
): Promise<{ filename: string; csv: Readable }> {
  const course = await assertTeaches(ctx.db(), input.courseId, input.teacherId);
  await ctx.audit.record(ctx.db(), {
    ...input.actor,
    action: 'attendance.exported',
    entity: 'course',
    entityId: input.courseId,
  });
  const filename = `attendance-${course.code.replace(/[^A-Za-z0-9_-]+/g, '_')}.csv`;
  return { filename, csv: exportCourseCsv(ctx.reports, ctx.clock, input.courseId) };
}
