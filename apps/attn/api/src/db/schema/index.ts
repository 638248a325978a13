export * from '@campus/platform/audit/schema.ts';
export * from '@campus/platform/auth/schema.ts';
export * from '@campus/platform/files/schema.ts';
export * from '@campus/platform/jobs/schema.ts';
export * from './attendance.ts';
export * from './courses.ts';
export * from './faces.ts';
export * from './users.ts';
