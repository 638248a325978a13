// bench:checkin's settings (BENCH_* variables) and paths, shared by its parts.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
export const THREADS = Number(process.env.BENCH_THREADS ?? 2);
export const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 150_000);
export const BURST = Number(process.env.BENCH_BURST ?? 1000);
export const DURABLE = process.env.BENCH_DURABLE !== '0';
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const attnCli = join(root, 'apps/attn/api/src/cli.ts');
export const baselineServer = join(root, 'bench/fixtures/checkin-baseline-server.ts');
export const quiet = { info() {}, warn() {} };
