export * from '@campus/platform/audit/schema.ts';
export * from '@campus/platform/auth/schema.ts';
export * from '@campus/platform/files/schema.ts';
export * from '@campus/platform/jobs/schema.ts';
export * from './admins.ts';
export * from './bookings.ts';
export * from './events.ts';
export * from './registrations.ts';
