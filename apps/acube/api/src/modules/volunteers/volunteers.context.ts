// What the volunteer use cases need, built once by the module; the route adds the request's logger.
import type { SubmitFormContext } from '../submissions/index.ts';
import type { VolunteersRepository } from './volunteers.repository.ts';

export interface VolunteersContext extends SubmitFormContext {
  repo: VolunteersRepository;
  /** The organisation's zone (TIME_ZONE): the days of the admin list's date filter are its days. */
  timeZone: string;
}
