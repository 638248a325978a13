// `npm run attn -- create-user --school-number A0001 --name "Ada Admin" --role admin [--email a@x]`
// and `npm run attn -- set-password --school-number A0001`: local accounts for a university
// without a SIS, and the first admin. The password is asked for (or piped), never an argument.
import { parseArgs } from 'node:util';
import type { AppCommand } from '@campus/platform/app';
import { openApp, readPassword } from '@campus/platform/app';
import { AuditLog } from '@campus/platform/audit';
import { PasswordHasher, Sessions } from '@campus/platform/auth';
import { eq, sql } from 'drizzle-orm';
import type { AttnConfig } from '../config.ts';
import { type UserRole, userRoles, users } from '../db/schema/index.ts';

export const MIN_PASSWORD_LENGTH = 12;

async function newPassword(): Promise<string | null> {
  const password = await readPassword();
  if (password.length >= MIN_PASSWORD_LENGTH) return password;
  console.error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  return null;
}

export const createUserCommand: AppCommand<AttnConfig> = {
  summary:
    'create a local account (--school-number, --name, --role student|teacher|admin, --email); asks for the password',
  async run(args, spec) {
    const { values } = parseArgs({
      args,
      options: {
        'school-number': { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'admin' },
        email: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
    });
    if (values.password !== undefined) {
      console.error('Refused: give the password at the prompt or on standard input, never as an argument.');
      return 2;
    }
    const schoolNumber = values['school-number']?.trim();
    if (!schoolNumber || /\s/.test(schoolNumber) || !values.name?.trim()) {
      console.error(
        'Usage: create-user --school-number <number> --name <name> [--role admin|teacher|student] [--email <address>]',
      );
      return 2;
    }
    if (!userRoles.includes(values.role as UserRole)) {
      console.error(`--role must be one of: ${userRoles.join(', ')}`);
      return 2;
    }
    const password = await newPassword();
    if (!password) return 2;
    const opened = await openApp(spec, spec.loadConfig());
    try {
      const db = opened.database.db;
      const passwordHash = await new PasswordHasher().hash(password);
      const audit = new AuditLog(opened.clock);
      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({
            schoolNumber,
            fullName: values.name?.trim() ?? '',
            email: values.email ?? null,
            role: values.role as UserRole,
            passwordHash,
          })
          .onConflictDoNothing()
          .returning();
        if (row)
          await audit.record(tx, {
            action: 'user.created',
            entity: 'user',
            entityId: row.id,
            changes: { role: row.role, via: 'command line' },
          });
        return row;
      });
      if (!created) {
        console.error(`A user with the school number ${schoolNumber} exists already: use set-password.`);
        return 1;
      }
      opened.logger.info(
        { event: 'user.created', userId: created.id, role: created.role },
        'user created from the command line',
      );
      console.log(`User ${schoolNumber} (${created.role}) created.`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};

export const setPasswordCommand: AppCommand<AttnConfig> = {
  summary: "set a local password (--school-number); asks for it; ends the account's sessions",
  async run(args, spec) {
    const { values } = parseArgs({ args, options: { 'school-number': { type: 'string' } }, strict: true });
    const schoolNumber = values['school-number']?.trim();
    if (!schoolNumber) {
      console.error('Usage: set-password --school-number <number>');
      return 2;
    }
    const password = await newPassword();
    if (!password) return 2;
    const opened = await openApp(spec, spec.loadConfig());
    try {
      const db = opened.database.db;
      const passwordHash = await new PasswordHasher().hash(password);
      const audit = new AuditLog(opened.clock);
      const sessions = new Sessions({ clock: opened.clock });
      const updated = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ passwordHash, updatedAt: sql`now()` })
          .where(eq(users.schoolNumber, schoolNumber))
          .returning({ id: users.id });
        if (!row) return null;
        await sessions.revokeSubject(tx, row.id);
        await audit.record(tx, {
          action: 'user.password_set',
          entity: 'user',
          entityId: row.id,
          changes: { via: 'command line' },
        });
        return row;
      });
      if (!updated) {
        console.error(`No user has the school number ${schoolNumber}.`);
        return 1;
      }
      console.log(`Password of ${schoolNumber} set; their sessions were ended.`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
