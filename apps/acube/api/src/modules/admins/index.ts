// Admins: what other modules, the app and the command line may use.
export { type AdminAuth, createAdminAuth } from './admins.auth.ts';
export { type AdminsModuleOptions, adminAdder, adminContacts, adminsModule } from './admins.module.ts';
export type { AdminRow } from './admins.repository.ts';
export {
  type AdminItem,
  type AdminView,
  type CreateAdminBody,
  MIN_PASSWORD_LENGTH,
  type TokenResponse,
  type UpdateAdminBody,
} from './admins.schemas.ts';
export type { EnrolledLogin, LoginAnswer } from './admins.two-factor.schemas.ts';
