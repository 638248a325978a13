// Contact messages: what other modules and the app may use.
export { contactModule } from './contact.module.ts';
export type { ContactRow, ContactStatus } from './contact.repository.ts';
