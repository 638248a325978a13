// What the selfie verification tests share: enrolment, a selfie check-in over multipart, waiting
// for a check-in's state (polling the row, never a blind sleep), and the file store seen as
// the app sees it (the platform's own Files and storage on the same data dir and database).
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collectBytes, Files, storageFor } from '@campus/platform/files';
import { sql } from 'drizzle-orm';
import type { AttnTest, TestUser } from '../helpers.ts';

export function form(fields: Record<string, string>, file?: { name: string; bytes: Buffer; field?: string }) {
  const boundary = `----attn${crypto.randomUUID().slice(0, 8)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'selfie'}"; filename="${file.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function selfieCheckIn(
  t: AttnTest,
  student: TestUser,
  body: { session_id: string; code: string },
  selfie: Buffer | undefined,
) {
  const { payload, headers } = form(
    { device_id: `device-${student.id}`, ...body },
    selfie ? { name: 'selfie.jpg', bytes: selfie } : undefined,
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/student/checkins/selfie',
    headers: { ...student.headers, ...headers },
    payload,
    remoteAddress: '10.9.0.1',
  });
}

/** Consent and one enrolment photo through the student's own routes. */
export async function enrol(t: AttnTest, student: TestUser, photo: Buffer) {
  const status = await t.app.inject({ url: '/api/student/face', headers: student.headers });
  assert.equal(status.statusCode, 200, status.body);
  const consent = await t.app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: student.headers,
    payload: { text_version: status.json().consent_text.version },
  });
  assert.ok(consent.statusCode < 300, consent.body);
  const { payload, headers } = form({}, { name: 'me.jpg', bytes: photo, field: 'photo' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/student/face/enrolment',
    headers: { ...student.headers, ...headers },
    payload,
  });
  assert.ok(res.statusCode < 300, res.body);
}

export interface CheckinState {
  id: string;
  verification: string;
  selfie_file_id: string | null;
  similarity: number | null;
  face_count: number | null;
  spoof_score: number | null;
  liveness_score: number | null;
  verification_attempts: number;
  selfie_delete_after: number | null;
  reviewed_by: string | null;
}

export async function checkinState(t: AttnTest, id: string): Promise<CheckinState> {
  const result = (await t.app.db.execute(sql`
    select id, verification, selfie_file_id, similarity, face_count, spoof_score, liveness_score,
           verification_attempts, reviewed_by,
           (extract(epoch from selfie_delete_after) * 1000)::float8 as selfie_delete_after
      from checkins where id = ${id}`)) as unknown as { rows: CheckinState[] };
  const [row] = result.rows;
  if (!row) throw new Error(`no check-in ${id}`);
  return row;
}

/** Polls the row until `done` holds; fails with the last state after `timeoutMs`. */
export async function waitForCheckin(
  t: AttnTest,
  id: string,
  done: (row: CheckinState) => boolean,
  timeoutMs = 90_000,
): Promise<CheckinState> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const row = await checkinState(t, id);
    if (done(row)) return row;
    if (performance.now() > deadline) assert.fail(`check-in ${id} never got there: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const settled = (row: CheckinState) => row.verification !== 'pending';

/** The store as the app has it: disk under DATA_DIR/files on PGlite, PostgreSQL otherwise. */
export function store(t: AttnTest) {
  const storage = storageFor(t.app.database, t.dir);
  const files = new Files({
    storage,
    kinds: { selfie: { maxBytes: 8 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] } },
    db: () => t.app.db,
    clock: t.clock,
  });
  return {
    files,
    storage,
    /** Every selfie the store holds: metadata rows, and bytes (files on disk, or rows). */
    async selfies(): Promise<{ rows: string[]; bytes: string[] }> {
      const rows = (
        (await t.app.db.execute(
          sql`select id from stored_files where kind = 'selfie' order by id`,
        )) as unknown as {
          rows: { id: string }[];
        }
      ).rows.map((r) => r.id);
      let bytes: string[];
      if (storage.kind === 'postgres') {
        const result = (await t.app.db.execute(
          sql`select distinct file_id from file_chunks order by file_id`,
        )) as unknown as {
          rows: { file_id: string }[];
        };
        bytes = result.rows.map((r) => r.file_id);
      } else {
        const dir = join(t.dir, 'files');
        const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
        bytes = entries.filter((e) => e.isFile()).map((e) => e.name);
      }
      return { rows, bytes };
    },
    /** Takes a file's bytes out of the store (its metadata stays): reading it then fails. */
    async takeBytes(fileId: string): Promise<Buffer> {
      const stream = await storage.read(fileId);
      assert.ok(stream, `file ${fileId} has bytes`);
      const bytes = await collectBytes(stream);
      await storage.delete(fileId);
      return bytes;
    },
    putBytes: (fileId: string, bytes: Buffer) => storage.write(fileId, [bytes]),
  };
}

/**
 * The job deletes a selfie just after its verdict commits: polls the store until `done` holds of
 * what it holds (default: no selfie at all), failing with the last state after `timeoutMs`.
 */
export async function waitForSelfies(
  t: AttnTest,
  done: (held: { rows: string[]; bytes: string[] }) => boolean = (held) =>
    held.rows.length === 0 && held.bytes.length === 0,
  timeoutMs = 15_000,
): Promise<{ rows: string[]; bytes: string[] }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const held = await store(t).selfies();
    if (done(held)) return held;
    if (performance.now() > deadline) assert.fail(`selfies still held: ${JSON.stringify(held)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for a log line of the app (e.g. a job's failure), polling the captured lines. */
export async function waitForLog(
  t: AttnTest,
  match: (line: Record<string, unknown>) => boolean,
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const line = t.logs.find(match);
    if (line) return line;
    if (performance.now() > deadline) assert.fail('the expected log line never came');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
