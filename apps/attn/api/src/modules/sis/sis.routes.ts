// The SIS for admins (policy 'admin'): run a sync now (queued; its run appears in the list when
// done), read the runs, newest first, and see whether the SIS answers (the circuit's state).
import { type AuditLog, auditContext } from '@campus/platform/audit';
import { AppError } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SIS_SYNC_QUEUE } from './sis.jobs.ts';
import { SisStatusResponse, SyncQueued, SyncRunsQuery, SyncRunsResponse } from './sis.schemas.ts';
import type { SisClient } from './sis-client.ts';
import type { SisConfig } from './sis-config.ts';
import { type SyncRunRow, sisSyncRepository } from './sis-sync.repository.ts';

const ADMIN = ['admin'] as const;

const toRun = (r: SyncRunRow) => ({
  id: r.id,
  status: r.status as 'running' | 'ok' | 'failed',
  started_at: r.startedAt.toISOString(),
  finished_at: r.finishedAt?.toISOString() ?? null,
  changes: (r.changes ?? null) as never,
  error: r.error,
});

export const sisRoutes: FastifyPluginAsyncTypebox<{
  sis: SisClient | null;
  sisConfig: SisConfig | undefined;
  audit: AuditLog;
}> = async (app, { sis, sisConfig, audit }) => {
  app.post(
    '/sync',
    {
      config: { rateLimit: 'admin', access: ADMIN },
      schema: {
        tags: ['sis'],
        summary: 'Sync terms, courses, people and rosters from the SIS now (queued)',
        description:
          'A sync refuses a roster less than half the size of what the SIS gave before (a likely SIS fault); `allow_shrink=true` lets this one run through once the SIS is confirmed.',
        querystring: Type.Object({ allow_shrink: Type.Optional(Type.Boolean({ default: false })) }),
        response: { 202: SyncQueued, ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      if (!sis) throw new AppError('CONFLICT', 'No SIS is configured: set SIS_URL');
      const requestedBy = request.principal?.id ?? '';
      const jobId = await app.db.transaction(async (tx) => {
        await audit.record(tx, {
          ...auditContext(request),
          action: 'sis.sync_requested',
          entity: 'sis_sync_run',
          ...(request.query.allow_shrink ? { changes: { allow_shrink: true } } : {}),
        });
        return app.jobs.send(
          SIS_SYNC_QUEUE,
          { requested_by: requestedBy, ...(request.query.allow_shrink ? { allow_shrink: true } : {}) },
          { tx },
        );
      });
      request.log.info({ event: 'sis.sync_requested', jobId, by: requestedBy }, 'SIS sync requested');
      return reply.code(202).send({ job_id: jobId });
    },
  );

  app.get(
    '/sync-runs',
    {
      config: { rateLimit: 'admin', access: ADMIN },
      schema: {
        tags: ['sis'],
        summary: 'The SIS sync runs, newest first, with what each changed or why it failed',
        querystring: SyncRunsQuery,
        response: { 200: SyncRunsResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const rows = await sisSyncRepository.listRuns(app.db, limit + 1, before);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        runs: page.map(toRun),
        next_before: rows.length > limit && last ? last.id : null,
      };
    },
  );

  app.get(
    '/status',
    {
      config: { rateLimit: 'admin', access: ADMIN },
      schema: {
        tags: ['sis'],
        summary: 'Whether a SIS is configured, its circuit state and the last sync run',
        response: { 200: SisStatusResponse, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const [last] = await sisSyncRepository.listRuns(app.db, 1);
      return {
        configured: sis !== null,
        breaker_state: sis?.breakerState ?? null,
        sync_cron: sisConfig?.syncCron ?? null,
        last_run: last ? toRun(last) : null,
      };
    },
  );
};
