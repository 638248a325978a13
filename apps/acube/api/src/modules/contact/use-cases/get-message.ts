// One contact message for staff, or a 404.
import { notFound } from '@campus/platform/errors';
import type { ContactContext } from '../contact.context.ts';
import type { ContactRow } from '../contact.repository.ts';

export async function getMessage(
  ctx: Pick<ContactContext, 'repo'>,
  input: { id: string },
): Promise<ContactRow> {
  const row = await ctx.repo.getById(input.id);
  if (!row) throw notFound('Contact message');
  return row;
}
