// A person's account as a privacy request reads it (the privacy module, through index.ts): found
// by school number or id, never with the password hash.
import type { Db } from '@campus/platform/db';
import { createUsersRepository, type UserRow } from './users.repository.ts';

export type PrivacyAccount = Omit<UserRow, 'passwordHash'>;

const withoutSecret = (row: UserRow | undefined): PrivacyAccount | undefined => {
  if (!row) return undefined;
  const { passwordHash: _secret, ...account } = row;
  return account;
};

export function accountsForPrivacy(db: () => Db) {
  const repo = createUsersRepository(db);
  return {
    bySchoolNumber: async (schoolNumber: string) =>
      withoutSecret(await repo.findBySchoolNumber(schoolNumber)),
    byId: async (id: string) => withoutSecret(await repo.findById(id)),
  };
}
