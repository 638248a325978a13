// A course as the API shows it, with its term.
import type { CourseListRow } from './courses.repository.ts';

export const courseView = (c: Omit<CourseListRow, 'rosterSize'>) => ({
  id: c.id,
  code: c.code,
  title: c.title,
  term: { id: c.termId, title: c.termTitle, starts_on: c.termStartsOn, ends_on: c.termEndsOn },
});
