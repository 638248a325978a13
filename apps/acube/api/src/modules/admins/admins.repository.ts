// Admin accounts in the database.
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { eq } from 'drizzle-orm';
import { type AdminRole, admins } from '../../db/schema/admins.ts';

export type AdminRow = typeof admins.$inferSelect;

export function createAdminsRepository(db: () => Db) {
  return {
    async findByEmail(email: string): Promise<AdminRow | undefined> {
      const [row] = await db()
        .select()
        .from(admins)
        .where(eq(admins.email, normaliseEmail(email)));
      return row;
    },
    async findById(id: string): Promise<AdminRow | undefined> {
      const [row] = await db().select().from(admins).where(eq(admins.id, id));
      return row;
    },
    async insert(
      tx: Db | Tx,
      values: { email: string; name: string; passwordHash: string; role: AdminRole },
    ): Promise<AdminRow> {
      const [row] = await tx
        .insert(admins)
        .values({ ...values, email: normaliseEmail(values.email) })
        .returning();
      if (!row) throw new Error('admin insert returned nothing');
      return row;
    },
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db().update(admins).set({ passwordHash }).where(eq(admins.id, id));
    },
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
