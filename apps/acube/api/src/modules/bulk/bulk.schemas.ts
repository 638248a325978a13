// Bulk requests and answers: the seed's bodies ({entity, ids, status}), the immediate or
// background answer, a background operation's progress and report; and the job's payload.
import { type Static, Type } from 'typebox';
import type { BulkOperationRow } from './bulk.repository.ts';

/** The kinds of record a bulk operation takes; `sessions` is the seed's name for bookings. */
export const BULK_ENTITIES = ['sessions', 'bookings', 'volunteers', 'contact'] as const;
export type BulkEntity = (typeof BULK_ENTITIES)[number];

export const BULK_QUEUE = 'bulk-operation';

const Entity = Type.Union(BULK_ENTITIES.map((k) => Type.Literal(k)));
const Ids = Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 10_000, uniqueItems: true });

/** Most records one operation takes, by ids or by filter. */
export const BULK_MAX = 10_000;

/**
 * A list's filter (the list query without sort and paging), checked in full against the kind
 * of record's own list filter when the operation starts.
 */
export const BulkFilter = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(Type.String({ maxLength: 40 })),
    created_from: Type.Optional(Type.String({ format: 'date' })),
    created_to: Type.Optional(Type.String({ format: 'date' })),
    session_type: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, description: "the list's query without sort, page and page_size" },
);
export type BulkFilter = Static<typeof BulkFilter>;

/** Which records: the ids, or the filter with the count the admin confirmed. */
const Which = {
  ids: Type.Optional(Ids),
  filter: Type.Optional(BulkFilter),
  expected_count: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: BULK_MAX,
      description: 'with filter: the count the admin confirmed',
    }),
  ),
};

export const BulkDeleteBody = Type.Object({ entity: Entity, ...Which });
export const BulkStatusBody = Type.Object({
  entity: Entity,
  ...Which,
  status: Type.String({ maxLength: 40 }),
});
export type BulkWhich = { ids?: string[]; filter?: BulkFilter; expected_count?: number };

export const BulkCountBody = Type.Object({ entity: Entity, filter: BulkFilter });
export const BulkCountResponse = Type.Object({ count: Type.Integer({ minimum: 0 }) });

/** What a bulk operation is asked to do (the job's payload carries it too). */
export const BulkRequest = Type.Object({
  action: Type.Union([Type.Literal('delete'), Type.Literal('status-update')]),
  entity: Type.String(),
  ids: Type.Array(Type.String()),
  status: Type.Optional(Type.String()),
});
export type BulkRequest = Static<typeof BulkRequest>;

export const BulkJobPayload = Type.Object({
  operationId: Type.String(),
  adminId: Type.String(),
  request: BulkRequest,
});
export type BulkJobPayload = Static<typeof BulkJobPayload>;

export const BulkResult = Type.Object({
  success: Type.Boolean(),
  processing: Type.Union([Type.Literal('immediate'), Type.Literal('background')]),
  message: Type.String(),
  done: Type.Optional(Type.Integer()),
  missing: Type.Optional(Type.Array(Type.String())),
  operation_id: Type.Optional(Type.String()),
  progress_url: Type.Optional(Type.String()),
});
export type BulkResult = Static<typeof BulkResult>;

export const OperationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const OperationResponse = Type.Object({
  id: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  status: Type.String(),
  total: Type.Integer(),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  done: Type.Integer(),
  missing: Type.Integer(),
  failed: Type.Integer(),
  not_attempted: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  report_url: Type.Union([Type.String(), Type.Null()]),
});
export type OperationResponse = Static<typeof OperationResponse>;

/** Where an export file (the report of a bulk operation) is downloaded through the API. */
export const reportPath = (fileId: string) => `/api/admin/bulk/export/files/${fileId}`;

/** The report's link in the mail: the panel's download page, which fetches reportPath with the token. */
export const reportDownloadLink = (publicUrl: string, fileId: string) =>
  `${publicUrl}/admin/downloads/${encodeURIComponent(fileId)}`;

export function toOperationResponse(
  op: BulkOperationRow,
  progress: { done: number; total: number } | null,
): OperationResponse {
  return {
    id: op.id,
    action: op.action,
    entity: op.entity,
    status: op.status,
    total: op.total,
    progress: { done: progress?.done ?? 0, total: progress?.total ?? op.total },
    done: op.outcome?.done.length ?? 0,
    missing: op.outcome?.missing.length ?? 0,
    failed: op.outcome?.failed.length ?? 0,
    not_attempted: op.outcome?.not_attempted.length ?? 0,
    error: op.outcome?.error ?? null,
    report_url: op.reportFileId ? reportPath(op.reportFileId) : null,
  };
}
