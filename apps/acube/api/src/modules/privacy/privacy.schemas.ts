// A person's data request: the address in the body (never in a URL, which logs keep), the counts
// per kind of record, the export document, the erasure confirmed with the counts the admin saw.
import { type Static, Type } from 'typebox';

/** The kinds of record a person's data is kept in, as the export and the counts name them. */
export const RECORD_KINDS = [
  'bookings',
  'registrations',
  'volunteer_applications',
  'contact_messages',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RETENTION_QUEUE = 'privacy-retention';
/** Every night at 03:17 UTC. */
export const RETENTION_CRON = '17 3 * * *';

const Email = Type.String({ format: 'email', maxLength: 254, description: "the person's e-mail address" });
const Count = Type.Integer({ minimum: 0, maximum: 2_147_483_647 });

export const PersonBody = Type.Object({ email: Email }, { additionalProperties: false });
export type PersonBody = Static<typeof PersonBody>;

export const PrivacyCounts = Type.Object({
  bookings: Count,
  registrations: Count,
  volunteer_applications: Count,
  contact_messages: Count,
  mails: Type.Integer({ minimum: 0, description: 'mails queued or kept for the address' }),
});
export type PrivacyCounts = Static<typeof PrivacyCounts>;

export const CountsResponse = Type.Object({ counts: PrivacyCounts, total: Count });
export type CountsResponse = Static<typeof CountsResponse>;

export const EraseBody = Type.Object(
  {
    email: Email,
    expected: Type.Object(
      {
        bookings: Count,
        registrations: Count,
        volunteer_applications: Count,
        contact_messages: Count,
      },
      { description: 'the counts the admin confirmed; a 409 when the records changed since' },
    ),
  },
  { additionalProperties: false },
);
export type EraseBody = Static<typeof EraseBody>;

export const EraseResponse = Type.Object({
  erased: PrivacyCounts,
  files: Type.Integer({ minimum: 0, description: 'mail files removed' }),
  total: Count,
});
export type EraseResponse = Static<typeof EraseResponse>;

const Records = Type.Array(Type.Record(Type.String(), Type.Unknown()));

export const PersonExport = Type.Object({
  format: Type.Literal('acube-personal-data/1'),
  email: Type.String(),
  generated_at: Type.String({ format: 'date-time' }),
  bookings: Records,
  registrations: Records,
  volunteer_applications: Records,
  contact_messages: Records,
  mails: Records,
});
export type PersonExport = Static<typeof PersonExport>;
