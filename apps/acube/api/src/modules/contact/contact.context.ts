// What the contact use cases need, built once by the module; the route adds the request's logger.
import type { SubmitFormContext } from '../submissions/index.ts';
import type { ContactRepository } from './contact.repository.ts';

export interface ContactContext extends SubmitFormContext {
  repo: ContactRepository;
  /** The organisation's zone (TIME_ZONE): the days of the admin list's date filter are its days. */
  timeZone: string;
}
