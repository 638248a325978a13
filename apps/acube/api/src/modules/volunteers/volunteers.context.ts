// What the volunteer use cases need, built once by the module; the route adds the request's logger.
import type { SubmitFormContext } from '../submissions/index.ts';
import type { VolunteersRepository } from './volunteers.repository.ts';

export interface VolunteersContext extends SubmitFormContext {
  repo: VolunteersRepository;
}
