// Queries on users for login and for the session cookie's principal.
import type { Db, Tx } from '@campus/platform/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type UserRole, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export function createUsersRepository(db: () => Db) {
  return {
    async findBySchoolNumber(schoolNumber: string, tx?: Tx): Promise<UserRow | undefined> {
      const [row] = await (tx ?? db()).select().from(users).where(eq(users.schoolNumber, schoolNumber));
      return row;
    },
    async findById(id: string, tx?: Tx): Promise<UserRow | undefined> {
      const [row] = await (tx ?? db()).select().from(users).where(eq(users.id, id));
      return row;
    },
    /** The ids of every active account with one of these roles. */
    async listIdsWithRoles(roles: readonly UserRole[], tx?: Tx): Promise<string[]> {
      const rows = await (tx ?? db())
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.role, [...roles]), isNull(users.disabledAt)));
      return rows.map((r) => r.id);
    },
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db().update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, id));
    },
    /** Creates or refreshes a person the SIS vouched for; a local account of that number is never taken over. */
    async upsertFromSis(person: {
      sisId: string;
      schoolNumber: string;
      fullName: string;
      email: string | null;
      role: UserRole;
    }): Promise<UserRow | undefined> {
      const [row] = await db()
        .insert(users)
        .values({ ...person, passwordHash: null })
        .onConflictDoUpdate({
          target: users.schoolNumber,
          set: {
            sisId: person.sisId,
            fullName: person.fullName,
            email: person.email,
            role: person.role,
            updatedAt: sql`now()`,
          },
          setWhere: sql`${users.passwordHash} is null`,
        })
        .returning();
      return row;
    },
  };
}
