// Admin routes over the audit log, for an app to mount with its own roles and policies:
// filtered, keyset-paginated reads, and the streamed CSV export.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import type { Access } from '../guard/types.ts';
import { errorResponses } from '../http/schemas.ts';
import type { AuditFilter, AuditLog } from './audit-log.ts';

export interface AuditRoutesOptions {
  audit: AuditLog;
  access: Access;
  rateLimit: string;
  /** Policy of the CSV export (heavier than a page read). */
  exportRateLimit: string;
}

const Filter = {
  actor_id: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entity: Type.Optional(Type.String({ maxLength: 100 })),
  entity_id: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};
const ListQuery = Type.Object({
  ...Filter,
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'next_before of the previous page',
    }),
  ),
});
const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor_id: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entity_id: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  request_id: Type.Union([Type.String(), Type.Null()]),
});

const AuditPage = Type.Object({
  items: Type.Array(AuditItem),
  next_before: Type.Union([Type.Integer(), Type.Null()]),
});

/** An entry as the list answers it (for a front end's types). */
export type AuditListItem = Static<typeof AuditItem>;
/** What GET / answers: a page of entries, newest first, and the cursor of the next (older) page. */
export type AuditListPage = Static<typeof AuditPage>;

type FilterQuery = { [K in keyof typeof Filter]?: string };
const toFilter = (q: FilterQuery): AuditFilter => ({
  ...(q.actor_id ? { actorId: q.actor_id } : {}),
  ...(q.action ? { action: q.action } : {}),
  ...(q.entity ? { entity: q.entity } : {}),
  ...(q.entity_id ? { entityId: q.entity_id } : {}),
  ...(q.from ? { from: new Date(q.from) } : {}),
  ...(q.to ? { to: new Date(q.to) } : {}),
});

export const auditRoutes: FastifyPluginAsyncTypebox<AuditRoutesOptions> = async (app, opts) => {
  app.get(
    '/',
    {
      config: { access: opts.access, rateLimit: opts.rateLimit },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: ListQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit, before, ...filter } = request.query;
      const rows = await opts.audit.list(app.db, toFilter(filter), { limit, ...(before ? { before } : {}) });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actor_id: r.actorId,
          action: r.action,
          entity: r.entity,
          entity_id: r.entityId,
          changes: r.changes ?? null,
          ip: r.ip,
          request_id: r.requestId,
        })),
        next_before: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/export.csv',
    {
      config: { access: opts.access, rateLimit: opts.exportRateLimit },
      schema: {
        tags: ['audit'],
        summary: 'Audit log as CSV, streamed',
        querystring: Type.Object(Filter),
        produces: ['text/csv'],
        response: { 200: Type.Any({ description: 'CSV text' }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      request.log.info({ event: 'audit.export', by: request.principal?.id }, 'audit log exported');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(opts.audit.exportCsv(app.db, toFilter(request.query)));
    },
  );
};
