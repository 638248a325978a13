// Staff read contact messages, newest first, a page at a time.
import { nextBefore } from '../../submissions/index.ts';
import type { ContactContext } from '../contact.context.ts';
import type { ContactFilter, ContactRow } from '../contact.repository.ts';

export async function findMessages(
  ctx: Pick<ContactContext, 'repo'>,
  filter: ContactFilter,
): Promise<{ rows: ContactRow[]; nextBefore: Date | null }> {
  const rows = await ctx.repo.findPage(filter);
  return { rows, nextBefore: nextBefore(rows, filter.limit) };
}
