// Volunteer applications: what other modules and the app may use.

export { applicationsWaiting } from './volunteers.counts.ts';
export { volunteersForBulk, volunteersForExport, volunteersModule } from './volunteers.module.ts';
export { volunteersForPrivacy } from './volunteers.privacy.ts';
export type { VolunteerRow, VolunteerStatus } from './volunteers.repository.ts';
export type { AdminVolunteer, SubmissionAck, VolunteerBody } from './volunteers.schemas.ts';
