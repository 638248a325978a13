// Contact messages as a person's data request and the retention schedule see them (through
// index.ts): a message is closed once answered or archived, its retention period runs from then.
// A staff member's reply is kept only in the mail it was sent as (the platform's mail jobs and
// files), which the person's request reaches through the mailer.
import type { Db } from '@campus/platform/db';
import { contactMessages } from '../../db/schema/submissions.ts';
import { type PersonalRecords, personalRecords } from '../submissions/index.ts';

export const MESSAGE_CLOSED = ['replied', 'archived'] as const;

export function contactForPrivacy(db: () => Db): PersonalRecords {
  return personalRecords(db, contactMessages, MESSAGE_CLOSED);
}
