// Exports' requests and answers: the audit export's filters (the seed's), its background answer,
// the download's and the record type's parameters; and the columns each record type exports.
import { type Static, Type } from 'typebox';

export const AUDIT_EXPORT_QUEUE = 'audit-export';

/** The seed's filters: admin, action, entity, date range. */
export const AuditExportBody = Type.Object({
  admin_id: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entity: Type.Optional(Type.String({ maxLength: 100 })),
  date_from: Type.Optional(Type.String({ format: 'date-time' })),
  date_to: Type.Optional(Type.String({ format: 'date-time' })),
});
export type AuditExportBody = Static<typeof AuditExportBody>;

export const AuditExportJob = Type.Object({ adminId: Type.String(), filter: AuditExportBody });

export const AuditExportAccepted = Type.Object({
  success: Type.Boolean(),
  message: Type.String(),
  processing: Type.Literal('background'),
  job_id: Type.String(),
});

export const FileParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const AuditExportParams = Type.Object({ job_id: Type.String({ format: 'uuid' }) });

/** Where an audit export job stands, and its file once it is done. */
export const AuditExportState = Type.Object({
  job_id: Type.String(),
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('completed'),
    Type.Literal('failed'),
    Type.Literal('cancelled'),
  ]),
  file_id: Type.Union([Type.String(), Type.Null()]),
  file_url: Type.Union([Type.String(), Type.Null()], {
    description: 'the API path of the file (GET with the bearer token), once the job has completed',
  }),
});
export type AuditExportState = Static<typeof AuditExportState>;

export const Csv = Type.Any({ description: 'CSV' });

/** The columns of each record type's CSV, as the rows name them; headers are their snake_case. */
export const EXPORT_COLUMNS = {
  bookings: [
    'id',
    'reference',
    'status',
    'name',
    'email',
    'phone',
    'sessionType',
    'preferredDate',
    'preferredTime',
    'message',
    'createdAt',
    'updatedAt',
  ],
  events: ['id', 'title', 'status', 'location', 'startsAt', 'endsAt', 'capacity', 'createdAt'],
  registrations: [
    'id',
    'eventId',
    'eventTitle',
    'status',
    'position',
    'name',
    'email',
    'createdAt',
    'updatedAt',
  ],
  volunteers: ['id', 'reference', 'status', 'name', 'email', 'phone', 'availability', 'message', 'createdAt'],
  contact: ['id', 'reference', 'status', 'name', 'email', 'subject', 'message', 'createdAt'],
} as const;

export type ExportEntity = keyof typeof EXPORT_COLUMNS;

/** Free text people wrote (therapy messages, notes): need-to-know, out of a CSV unless a superadmin asks. */
export const FREE_TEXT_COLUMNS: Record<ExportEntity, readonly string[]> = {
  bookings: ['message'],
  events: [],
  registrations: [],
  volunteers: ['availability', 'message'],
  contact: ['message'],
};

/**
 * The list query of the record type (filter and sort, no paging), checked in full against that
 * list's own when the export starts; and whether free text is wanted (superadmins only).
 */
export const ExportQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  created_from: Type.Optional(Type.String({ format: 'date' })),
  created_to: Type.Optional(Type.String({ format: 'date' })),
  session_type: Type.Optional(Type.String({ maxLength: 40 })),
  event_id: Type.Optional(Type.String({ format: 'uuid' })),
  sort: Type.Optional(
    Type.String({ maxLength: 60, description: "one of the list's sortable columns, - for descending" }),
  ),
  include_free_text: Type.Boolean({
    default: false,
    description: 'messages and availability notes too: superadmins only, audited (export.free_text)',
  }),
});
export type ExportQuery = Static<typeof ExportQuery>;

export const EntityParams = Type.Object({
  entity: Type.Union(Object.keys(EXPORT_COLUMNS).map((k) => Type.Literal(k as ExportEntity))),
});

/** Where a finished export is downloaded through the API, with an admin's bearer token. */
export const exportFilePath = (fileId: string) => `/api/admin/bulk/export/files/${fileId}`;

/**
 * The link a mail carries: the panel's download page, which fetches exportFilePath with the
 * token of the admin logged in (no mail client can send a bearer token itself).
 */
export const exportDownloadLink = (publicUrl: string, fileId: string) =>
  `${publicUrl}/admin/downloads/${encodeURIComponent(fileId)}`;
