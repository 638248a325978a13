// Volunteer applications: what other modules and the app may use.
export { volunteersModule } from './volunteers.module.ts';
export type { VolunteerRow, VolunteerStatus } from './volunteers.repository.ts';
