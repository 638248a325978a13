// `npm run attn -- sis-sim [--port 3099] [--students 40] [--token T] [--delay-ms N]
// [--fail-rate 0.5] [--fail-status 503]`: the simulated SIS on its own, for development. Point
// ATTN at it with SIS_URL (and SIS_TOKEN when --token is given). It prints its logins and runs
// until interrupted; PUT /_sim/mode changes its behaviour while it runs.
import { parseArgs } from 'node:util';
import type { AppCommand } from '@campus/platform/app';
import type { AttnConfig } from '../../../config.ts';
import { demoPassword, demoRoster } from './demo-roster.ts';
import { startSisSimulator } from './sis-simulator.ts';

const print = (lines: string[]) => process.stdout.write(`${lines.map((l) => `  ${l}`).join('\n')}\n`);

export const sisSimCommand: AppCommand<AttnConfig> = {
  summary:
    'run the simulated SIS (--port 3099, --students 40, --token, --delay-ms, --fail-rate, --fail-status)',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '3099' },
        host: { type: 'string', default: '127.0.0.1' },
        students: { type: 'string', default: '40' },
        token: { type: 'string' },
        'delay-ms': { type: 'string', default: '0' },
        'fail-rate': { type: 'string', default: '0' },
        'fail-status': { type: 'string', default: '503' },
      },
      strict: true,
    });
    const port = Number(values.port);
    const students = Number(values.students);
    const failRate = Number(values['fail-rate']);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(students) || students < 0) {
      process.stderr.write(
        'Usage: sis-sim [--port N] [--students N] [--token T] [--delay-ms N] [--fail-rate 0..1]\n',
      );
      return 2;
    }
    const data = demoRoster({ students });
    const sim = await startSisSimulator({
      port,
      host: values.host,
      data,
      ...(values.token ? { token: values.token } : {}),
      mode: {
        delayMs: Number(values['delay-ms']) || 0,
        failRate: Math.min(1, Math.max(0, failRate || 0)),
        failStatus: Number(values['fail-status']) || 503,
      },
    });
    const teachers = data.users.filter((u) => u.roles[0]?.role === 'teacher');
    const pupils = data.users.filter((u) => u.roles[0]?.role === 'student');
    print([
      `Simulated SIS at ${sim.url} (OneRoster under /ims/oneroster/rostering/v1p2)`,
      `${data.academicSessions.length} term, ${data.classes.length} courses, ${teachers.length} teachers, ${pupils.length} students, ${data.enrollments.length} enrollments`,
      `Run ATTN with SIS_URL=${sim.url}${values.token ? ' SIS_TOKEN=<the token>' : ''}`,
      'Teachers (school number / password):',
      ...teachers.map((u) => `  ${u.identifier} / ${u.password}  ${u.givenName} ${u.familyName}`),
      `Students: ${pupils[0]?.identifier ?? '-'} … ${pupils.at(-1)?.identifier ?? '-'}, password "${demoPassword('<school number>')}", e.g. ${pupils[0]?.identifier ?? ''} / ${pupils[0]?.password ?? ''}`,
      `Make it slow, fail or go down: curl -X PUT ${sim.url}/_sim/mode -d '{"delay_ms":5000}' (fail_rate, fail_status, fail_next, down_for_ms)`,
    ]);
    const stop = () => void sim.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return undefined;
  },
};
