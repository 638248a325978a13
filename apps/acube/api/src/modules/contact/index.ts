// Contact messages: what other modules and the app may use.

export { messagesWaiting } from './contact.counts.ts';
export { contactForBulk, contactForExport, contactModule } from './contact.module.ts';
export { contactForPrivacy } from './contact.privacy.ts';
export type { ReplyBody } from './contact.reply.schemas.ts';
export type { ContactRow, ContactStatus } from './contact.repository.ts';
export type { AdminContactMessage, ContactBody, SubmissionAck } from './contact.schemas.ts';
