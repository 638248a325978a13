// The code a teacher's screen shows now, with its QR code. Computed from the session's key (from
// APP_SECRET and the session id) and the time, never stored: see ../session-codes.ts.
import { AppError } from '@campus/platform/errors';
import QRCode from 'qrcode';
import { currentCode, sessionCodeKey } from '../session-codes.ts';
import { sessionView } from '../session-view.ts';
import type { SessionsContext } from '../sessions.context.ts';
import { getTeacherSession } from './get-teacher-session.ts';

export async function getSessionCode(
  ctx: Pick<SessionsContext, 'db' | 'clock' | 'appSecret' | 'publicUrl'>,
  input: { teacherId: string; sessionId: string },
) {
  const { session } = await getTeacherSession(ctx.db(), input);
  const now = ctx.clock.nowMs();
  if (!sessionView(session, now).open) throw new AppError('CONFLICT', 'This attendance session is closed');
  const shown = currentCode(sessionCodeKey(ctx.appSecret, session.id), session.codeStepSeconds, now);
  // The code rides in the fragment: browsers never send it, so no server logs it.
  const payload = `${ctx.publicUrl}/c/${session.id}#${shown.code}`;
  return {
    code: shown.code,
    step_seconds: session.codeStepSeconds,
    rotates_at: shown.rotatesAt.toISOString(),
    valid_until: shown.validUntil.toISOString(),
    server_time: new Date(now).toISOString(),
    qr_payload: payload,
    qr_svg: await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  };
}
