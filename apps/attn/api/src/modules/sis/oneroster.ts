// The SIS's records as the contract (apps/attn/sis/openapi.yaml) describes them, OneRoster 1.2
// rostering shapes, and their mapping to what ATTN keeps. Each record is checked on its own: one
// malformed record is skipped (and counted), not a reason to drop a whole roster.
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';

export const ROSTERING_PATH = '/ims/oneroster/rostering/v1p2';
export const VERIFY_PATH = '/auth/v1/credentials/verify';

const Base = {
  sourcedId: Type.String({ minLength: 1, maxLength: 256 }),
  status: Type.Union([Type.Literal('active'), Type.Literal('tobedeleted')]),
  dateLastModified: Type.String(),
};
const Ref = Type.Object({ sourcedId: Type.String({ minLength: 1 }) });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const OrAcademicSession = Type.Object({
  ...Base,
  title: Type.String({ minLength: 1 }),
  type: Type.String(),
  startDate: Day,
  endDate: Day,
});

export const OrClass = Type.Object({
  ...Base,
  title: Type.String({ minLength: 1 }),
  classCode: Type.String({ minLength: 1 }),
  terms: Type.Array(Ref, { minItems: 1 }),
  course: Type.Optional(Ref),
});

export const OrRole = Type.Object({
  roleType: Type.Optional(Type.String()),
  role: Type.String(),
});

export const OrUser = Type.Object({
  ...Base,
  identifier: Type.String({ minLength: 1, maxLength: 64 }),
  givenName: Type.String(),
  familyName: Type.String(),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  roles: Type.Array(OrRole, { minItems: 1 }),
});

export const OrEnrollment = Type.Object({
  ...Base,
  user: Ref,
  class: Ref,
  role: Type.String(),
});

export type OrAcademicSession = Static<typeof OrAcademicSession>;
export type OrClass = Static<typeof OrClass>;
export type OrUser = Static<typeof OrUser>;
export type OrEnrollment = Static<typeof OrEnrollment>;

export type PersonRole = 'student' | 'teacher' | 'admin';

export interface SisPerson {
  sisId: string;
  schoolNumber: string;
  fullName: string;
  email: string | null;
  role: PersonRole;
}
export interface SisTerm {
  sisId: string;
  title: string;
  startsOn: string;
  endsOn: string;
}
export interface SisClass {
  sisId: string;
  title: string;
  code: string;
  termSisId: string;
}
export interface SisEnrollment {
  sisId: string;
  userSisId: string;
  classSisId: string;
  role: 'student' | 'teacher';
}

/** A collection read from the SIS: the records ATTN can use, and how many it could not. */
export interface SisList<T> {
  items: T[];
  skipped: number;
}

const ROLE_MAP: Record<string, PersonRole> = {
  student: 'student',
  teacher: 'teacher',
  administrator: 'admin',
  systemAdministrator: 'admin',
};

/** The person's role in ATTN: their primary OneRoster role if it maps, else the first that does. */
export function toPerson(raw: unknown): SisPerson | null {
  if (!Value.Check(OrUser, raw)) return null;
  const primary = raw.roles.find((r) => r.roleType === 'primary' && ROLE_MAP[r.role]);
  const role = ROLE_MAP[(primary ?? raw.roles.find((r) => ROLE_MAP[r.role]))?.role ?? ''];
  if (!role) return null;
  return {
    sisId: raw.sourcedId,
    schoolNumber: raw.identifier,
    fullName: `${raw.givenName} ${raw.familyName}`.trim() || raw.identifier,
    email: raw.email || null,
    role,
  };
}

/** Terms only: OneRoster's school years and grading periods are not what a course runs in. */
export function toTerm(raw: unknown): SisTerm | null {
  if (!Value.Check(OrAcademicSession, raw)) return null;
  if (raw.type !== 'term' && raw.type !== 'semester') return null;
  if (raw.endDate < raw.startDate) return null;
  return { sisId: raw.sourcedId, title: raw.title, startsOn: raw.startDate, endsOn: raw.endDate };
}

export function toClass(raw: unknown): SisClass | null {
  if (!Value.Check(OrClass, raw)) return null;
  return {
    sisId: raw.sourcedId,
    title: raw.title,
    code: raw.classCode,
    termSisId: raw.terms[0]?.sourcedId ?? '',
  };
}

export function toEnrollment(raw: unknown): SisEnrollment | null {
  if (!Value.Check(OrEnrollment, raw)) return null;
  if (raw.role !== 'student' && raw.role !== 'teacher') return null;
  return {
    sisId: raw.sourcedId,
    userSisId: raw.user.sourcedId,
    classSisId: raw.class.sourcedId,
    role: raw.role,
  };
}

/** 'tobedeleted' records are gone as far as ATTN is concerned. */
export const isActive = (raw: unknown) => (raw as { status?: unknown } | null)?.status !== 'tobedeleted';
