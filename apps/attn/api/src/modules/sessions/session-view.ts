// A session as the API shows it; `open` is judged at `nowMs` (closed by hand, or past its end).
import type { SessionRow } from './sessions.repository.ts';

export const sessionView = (s: SessionRow, nowMs: number) => ({
  id: s.id,
  course_id: s.courseId,
  title: s.title,
  opened_at: s.openedAt.toISOString(),
  ends_at: s.endsAt.toISOString(),
  closed_at: s.closedAt?.toISOString() ?? null,
  open: s.closedAt === null && s.endsAt.getTime() > nowMs,
  code_step_seconds: s.codeStepSeconds,
  late_after_minutes: s.lateAfterMinutes,
  selfie_required: s.selfieRequired,
  allowed_networks: s.allowedNetworks,
});
