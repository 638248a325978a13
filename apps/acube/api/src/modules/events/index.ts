// What other modules may use of the events module.

export {
  type EventsModuleOptions,
  eventsForExport,
  eventsModule,
  registrationsForExport,
} from './events.module.ts';
export { registrationsForPrivacy } from './events.privacy.ts';
export type { EventRow, RegistrationRow } from './events.repository.ts';
export type {
  AdminEvent,
  AdminEventListItem,
  AdminRegistration,
  AdminRegistrationListItem,
  EventImageRules,
  OwnRegistration,
  PublicEvent,
  RegistrationResult,
} from './events.schemas.ts';
