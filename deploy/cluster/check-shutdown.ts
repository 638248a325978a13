// Acceptance 8 of issue 18, after `npm run cluster -- down`: every process exited 0 on SIGTERM
// within SHUTDOWN_TIMEOUT_MS + 2 s. Prints each one; exits 1 when any did not.
//   node deploy/cluster/check-shutdown.ts <dir>/state.json
import { readState } from './state.ts';

const state = readState(process.argv[2]);
const bound = state.shutdownTimeoutMs + 2000;
let failed = 0;
for (const p of state.processes) {
  const s = p.shutdown;
  const ok = s !== undefined && s.code === 0 && s.signal === null && s.tookMs <= bound;
  if (!ok) failed++;
  const what = s
    ? `exit ${s.code ?? '-'}${s.signal ? ` by ${s.signal}` : ''} in ${s.tookMs} ms`
    : 'no shutdown recorded';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${p.name.padEnd(16)} ${what} (started ${p.starts}×)`);
}
console.log(
  failed === 0
    ? `every process (${state.processes.length}) exited 0 on SIGTERM within ${bound} ms`
    : `${failed} of ${state.processes.length} processes did not exit 0 on SIGTERM within ${bound} ms`,
);
process.exitCode = failed === 0 ? 0 : 1;
