// Admins: what other modules, the app and the command line may use.
export { type AdminAuth, createAdminAuth } from './admins.auth.ts';
export { type AdminsModuleOptions, adminAdder, adminContacts, adminsModule } from './admins.module.ts';
export type { AdminRow } from './admins.repository.ts';
export { MIN_PASSWORD_LENGTH } from './admins.schemas.ts';
