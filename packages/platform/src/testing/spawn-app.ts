// Starts an app's command line as a real child process for tests of start-up, restart,
// locking and shutdown, and waits for its "ready at" banner instead of sleeping.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface SpawnedApp {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const READY = /is ready at (http:\/\/[^\s]+)/;

function start(cliPath: string, args: string[], env: Record<string, string>, cwd?: string) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });
  return { child, output: () => out };
}

/** Runs the command to completion (for commands that should exit, e.g. on bad config). */
export async function runApp(
  cliPath: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
  /** Written to the command's standard input (which is otherwise empty). */
  input?: string,
) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    timeout: timeoutMs,
  });
  if (input !== undefined) child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => {
    stdout += c;
  });
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr } satisfies SpawnResult;
}

export async function spawnApp(
  cliPath: string,
  env: Record<string, string>,
  opts: { args?: string[]; timeoutMs?: number; cwd?: string } = {},
): Promise<SpawnedApp> {
  const { child, output } = start(cliPath, opts.args ?? ['serve'], env, opts.cwd);
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`app not ready within ${opts.timeoutMs ?? 30_000} ms:\n${output()}`));
    }, opts.timeoutMs ?? 30_000);
    const check = () => {
      const match = READY.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before it was ready:\n${output()}`));
    });
  });
  return {
    child,
    url,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
