// Registrations as a person's data request and the retention schedule see them (through
// index.ts). Erasing a confirmed place of an event that is still to come frees it as a
// cancellation would: the first one waiting is promoted (audited and mailed), under the event's
// lock, in the erasure's transaction. The erased person is mailed nothing. A registration is
// closed once cancelled or once its event is over; the retention period runs from then.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Db, Tx } from '@campus/platform/db';
import type { Mailer } from '@campus/platform/mail';
import { personalView } from '../submissions/index.ts';
import { createRegistrationsPrivacyRepository } from './events.privacy.repository.ts';
import { createEventsRepository } from './events.repository.ts';
import { promoteFromWaitingList } from './use-cases/promote-from-waiting-list.ts';
import { promotionsOnCancellation } from './use-cases/waiting-list.ts';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export function registrationsForPrivacy(deps: {
  db: () => Db;
  audit: AuditLog;
  mail: Mailer;
  publicUrl: string;
}) {
  const privacy = createRegistrationsPrivacyRepository(deps.db);
  const promotion = {
    repo: createEventsRepository(deps.db()),
    audit: deps.audit,
    mail: deps.mail,
    link: (token: string) => `${deps.publicUrl}/registration?token=${encodeURIComponent(token)}`,
  };
  return {
    count: (email: string) => privacy.countFor(email),
    async find(email: string): Promise<Record<string, unknown>[]> {
      return (await privacy.listFor(email)).map(({ registration, event }) => ({
        ...personalView(registration),
        event: personalView(event),
      }));
    },
    async erase(input: { email: string; tx: Tx; who: Actor; now: Date }): Promise<number> {
      const { tx, now } = input;
      const locked = await privacy.lockEventsOf(input.email, tx);
      const deleted = await privacy.deleteFor(input.email, tx);
      for (const row of deleted) {
        const event = locked.find((e) => e.id === row.eventId);
        const over = event && (event.endsAt ?? event.startsAt).getTime() <= now.getTime();
        if (!event || over || event.status !== 'published') continue;
        const places = promotionsOnCancellation(row.status);
        await promoteFromWaitingList(promotion, { tx, event, places, who: input.who, now });
      }
      return deleted.length;
    },
    eraseClosed: (input: { before: Date; tx: Tx }) => privacy.deleteClosedBefore(input.before, input.tx),
  };
}
