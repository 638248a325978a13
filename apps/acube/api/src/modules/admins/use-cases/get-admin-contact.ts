// Who an admin is for a mail another module sends them (an export's link, a bulk report): their
// name and address, or undefined when the account is gone.
import type { AdminsRepository } from '../admins.repository.ts';

export async function getAdminContact(
  ctx: { repo: Pick<AdminsRepository, 'findById'> },
  input: { id: string },
): Promise<{ name: string; email: string } | undefined> {
  const admin = await ctx.repo.findById(input.id);
  return admin && { name: admin.name, email: admin.email };
}
