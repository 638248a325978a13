// `npm run acube -- create-admin --email ana@example.org --name "Ana" [--role staff]`
// The password is never an argument (it would sit in shell history and `ps`): it is read from
// a prompt on a terminal, or from the first line of standard input when piped.
import { parseArgs } from 'node:util';
import type { AppCommand } from '@campus/platform/app';
import { openApp, readPassword } from '@campus/platform/app';
import { AuditLog } from '@campus/platform/audit';
import { PasswordHasher } from '@campus/platform/auth';
import type { AcubeConfig } from '../config.ts';
import { type AdminRole, adminRoles } from '../db/schema/admins.ts';
import { adminAdder, MIN_PASSWORD_LENGTH } from '../modules/admins/index.ts';

export const createAdminCommand: AppCommand<AcubeConfig> = {
  summary: 'create an admin (--email, --name, --role superadmin|staff); the password is asked for',
  async run(args, spec) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'superadmin' },
        password: { type: 'string' },
      },
      strict: true,
    });
    if (values.password !== undefined) {
      console.error('Refused: give the password at the prompt or on standard input, never as an argument.');
      return 2;
    }
    if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email) || !values.name) {
      console.error('Usage: create-admin --email <address> --name <name> [--role superadmin|staff]');
      return 2;
    }
    if (!adminRoles.includes(values.role as AdminRole)) {
      console.error(`--role must be one of: ${adminRoles.join(', ')}`);
      return 2;
    }
    const password = await readPassword();
    if (password.length < MIN_PASSWORD_LENGTH) {
      console.error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
      return 2;
    }
    const opened = await openApp(spec, spec.loadConfig());
    try {
      const add = adminAdder({ db: opened.database.db, audit: new AuditLog(opened.clock) });
      const admin = await add({
        email: values.email,
        name: values.name,
        passwordHash: await new PasswordHasher().hash(password),
        role: values.role as AdminRole,
      });
      if (!admin) {
        console.error(`An admin with the e-mail ${values.email} exists already.`);
        return 1;
      }
      opened.logger.info(
        { event: 'admin.created', adminId: admin.id, role: admin.role },
        'admin created from the command line',
      );
      console.log(`Admin ${admin.email} (${admin.role}) created.`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
