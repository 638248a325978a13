// Staff move a volunteer application along (new, reviewing, accepted, rejected); audited.
import type { AuditEntry } from '@campus/platform/audit';
import { changeSubmissionStatus } from '../../submissions/index.ts';
import type { VolunteersContext } from '../volunteers.context.ts';
import type { VolunteerStatus } from '../volunteers.repository.ts';

export function changeApplicationStatus(
  ctx: VolunteersContext,
  input: { id: string; status: VolunteerStatus; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
) {
  return changeSubmissionStatus(ctx, {
    entity: 'volunteer_application',
    label: 'volunteer application',
    store: ctx.repo,
    ...input,
  });
}
