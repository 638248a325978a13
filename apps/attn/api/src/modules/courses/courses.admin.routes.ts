// For admins: terms, every course (paged by keyset), and the roster import from CSV.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { courseView } from './course-view.ts';
import type { CoursesContext } from './courses.context.ts';
import { AdminCoursesPage, AdminCoursesQuery, AdminTerm } from './courses.schemas.ts';
import {
  IMPORT_DESCRIPTION,
  ImportQuery,
  ImportResponse,
  ROSTER_BODY_LIMIT,
} from './roster-import.schemas.ts';
import { findCoursesPage, listTerms } from './use-cases/course-lists.ts';
import { importRoster } from './use-cases/import-roster.ts';

export const coursesAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: CoursesContext }> = async (
  app,
  { ctx },
) => {
  const admin = { rateLimit: 'admin', access: ['admin'] };
  // Only this scope takes CSV bodies: the file arrives as text and csv-parse reads it.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: ROSTER_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/terms',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Every term, newest first',
        response: { 200: Type.Object({ items: Type.Array(AdminTerm) }), ...errorResponses(401, 403) },
      },
    },
    async () => {
      const rows = await listTerms(ctx);
      return {
        items: rows.map((t) => ({
          id: t.id,
          title: t.title,
          starts_on: t.startsOn,
          ends_on: t.endsOn,
          source: t.sisId ? ('sis' as const) : ('csv' as const),
          archived_at: t.archivedAt ? t.archivedAt.toISOString() : null,
        })),
      };
    },
  );

  app.get(
    '/courses',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Every course (optionally of one term), by code, paged',
        querystring: AdminCoursesQuery,
        response: { 200: AdminCoursesPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { term_id, limit, before } = request.query;
      const { rows, nextBefore } = await findCoursesPage(ctx, { termId: term_id, limit, before });
      return {
        items: rows.map((c) => ({
          ...courseView(c),
          roster_size: c.rosterSize,
          teacher_count: c.teacherCount,
        })),
        next_before: nextBefore,
      };
    },
  );

  app.post(
    '/import/roster',
    {
      config: admin,
      bodyLimit: ROSTER_BODY_LIMIT,
      schema: {
        tags: ['admin'],
        summary: 'Import terms, courses, teachers and students from a CSV file (dry run first)',
        description: IMPORT_DESCRIPTION,
        consumes: ['text/csv'],
        querystring: ImportQuery,
        body: Type.String({ description: 'The CSV file' }),
        response: { 200: ImportResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const result = await importRoster({
        db: ctx.db(),
        audit: ctx.audit,
        csv: request.body,
        dryRun: request.query.dry_run,
        actor: auditContext(request),
      });
      request.log.info(
        { event: 'roster.import', dryRun: result.dry_run, lines: result.lines, errors: result.error_count },
        result.dry_run ? 'roster import checked' : 'roster imported',
      );
      return result;
    },
  );
};
