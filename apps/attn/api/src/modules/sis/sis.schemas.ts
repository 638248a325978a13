// What the SIS admin routes answer: the runs of the sync and the state of the connection.
import { Type } from 'typebox';

const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), removed: Type.Integer() });

export const SyncChanges = Type.Object({
  terms: Counts,
  courses: Counts,
  users: Counts,
  teachers: Counts,
  enrollments: Counts,
  skipped: Type.Object({
    invalid: Type.Integer({ description: 'SIS records that did not match the contract' }),
    unresolved: Type.Integer({
      description: 'Classes or enrollments naming a term, class or person ATTN lacks',
    }),
    conflicts: Type.Integer({ description: 'SIS people whose school number belongs to a local account' }),
  }),
});

export const SyncRun = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([Type.Literal('running'), Type.Literal('ok'), Type.Literal('failed')]),
  started_at: Type.String({ format: 'date-time' }),
  finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  changes: Type.Union([SyncChanges, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const SyncRunsQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  before: Type.Optional(Type.String({ format: 'uuid', description: 'next_before of the previous page' })),
});

export const SyncRunsResponse = Type.Object({
  runs: Type.Array(SyncRun),
  next_before: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});

export const SisStatusResponse = Type.Object({
  configured: Type.Boolean({ description: 'SIS_URL is set' }),
  breaker_state: Type.Union([
    Type.Literal('closed'),
    Type.Literal('open'),
    Type.Literal('half-open'),
    Type.Null(),
  ]),
  sync_cron: Type.Union([Type.String(), Type.Null()]),
  last_run: Type.Union([SyncRun, Type.Null()]),
});

export const SyncQueued = Type.Object({ job_id: Type.String() });
