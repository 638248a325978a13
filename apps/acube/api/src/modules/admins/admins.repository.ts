// Admin accounts in the database. No HTTP, no access rules: the use cases decide. Each method
// takes an optional transaction last.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import { type AdminRole, admins } from '../../db/schema/admins.ts';

export type AdminRow = typeof admins.$inferSelect;
export type NewAdmin = typeof admins.$inferInsert;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createAdminsRepository(db: () => Db) {
  return {
    async findByEmail(email: string, tx: Db | Tx = db()): Promise<AdminRow | undefined> {
      const [row] = await tx
        .select()
        .from(admins)
        .where(eq(admins.email, normaliseEmail(email)));
      return row;
    },
    async findById(id: string, tx: Db | Tx = db()): Promise<AdminRow | undefined> {
      const [row] = await tx.select().from(admins).where(eq(admins.id, id));
      return row;
    },
    /** Every account, oldest first. */
    async listAll(tx: Db | Tx = db()): Promise<AdminRow[]> {
      return tx.select().from(admins).orderBy(asc(admins.createdAt));
    },
    async insert(
      values: { email: string; name: string; passwordHash: string; role: AdminRole },
      tx: Db | Tx = db(),
    ): Promise<AdminRow> {
      const [row] = await tx
        .insert(admins)
        .values({ ...values, email: normaliseEmail(values.email) })
        .returning();
      if (!row) throw new Error('admin insert returned nothing');
      return row;
    },
    async update(id: string, set: Partial<NewAdmin>, tx: Db | Tx = db()): Promise<AdminRow | undefined> {
      const [row] = await tx.update(admins).set(set).where(eq(admins.id, id)).returning();
      return row;
    },
    async setPasswordHash(id: string, passwordHash: string, tx: Db | Tx = db()): Promise<void> {
      await tx.update(admins).set({ passwordHash }).where(eq(admins.id, id));
    },
    /** The password of the account whose unexpired welcome link this is; the link is spent. */
    async setPasswordBySetupToken(
      tokenHash: string,
      passwordHash: string,
      now: Date,
      tx: Db | Tx = db(),
    ): Promise<AdminRow | undefined> {
      const [row] = await tx
        .update(admins)
        .set({ passwordHash, setupTokenHash: null, setupTokenExpiresAt: null })
        .where(and(eq(admins.setupTokenHash, tokenHash), gt(admins.setupTokenExpiresAt, now)))
        .returning();
      return row;
    },
  };
}

export type AdminsRepository = ReturnType<typeof createAdminsRepository>;
