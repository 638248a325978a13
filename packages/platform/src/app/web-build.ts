// Builds an app's web UI (a Vite project) when its build is missing or older than its sources,
// so that `npm run <app>` serves what the sources say. The build goes to a temporary folder
// that then replaces dist, so a running server or a second starter never sees half a build; a
// lock file makes two processes starting at once build once. Text files then get .br and .gz
// siblings (web-compress.ts), which web-app.ts serves to browsers that accept them.
import { existsSync } from 'node:fs';
import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { compressBuild } from './web-compress.ts';

/** What the build reports on; a pino logger fits. */
export interface WebBuildLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface WebBuildOptions {
  /** Absolute path of the web folder (index.html, vite.config.ts, src/). */
  root: string;
  /** Further source folders or files; local packages the web folder depends on are added. */
  sources?: readonly string[];
  /** Where "building" and "built" are said; default: nowhere. */
  logger?: WebBuildLogger;
  /** How long to wait for another process's build before giving up (default 5 minutes). */
  lockWaitMs?: number;
  /** A lock older than this is a dead builder's, even if its pid is alive again (default 10 minutes). */
  staleLockMs?: number;
}

export type WebBuildState =
  /** No index.html: nothing to build (yet). */
  { state: 'none' } | { state: 'missing' } | { state: 'stale'; newer: string } | { state: 'fresh' };

const quiet: WebBuildLogger = { info() {}, warn() {} };

export class WebBuildError extends Error {
  override name = 'WebBuildError';
  /** VITE_MISSING: nothing built and nothing to build with; BUILD_FAILED; LOCKED: another builder hangs. */
  readonly code: 'VITE_MISSING' | 'BUILD_FAILED' | 'LOCKED';
  constructor(message: string, code: WebBuildError['code'], options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

const STAMP = '.build-stamp';
const ROOT_FILES = [
  'index.html',
  'package.json',
  'tsconfig.json',
  'vite.config.ts',
  'vite.config.js',
  'vite.config.mjs',
];
const ROOT_FOLDERS = ['src', 'public'];
const SKIP = new Set(['node_modules', 'dist', '.git']);

/**
 * The local packages (npm workspaces) that the web folder depends on: their `src` (or the
 * whole package) is source of this build too, without the app naming them.
 */
export async function localDependencySources(root: string): Promise<string[]> {
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  const found: string[] = [];
  for (const name of names) {
    for (let dir = root; ; dir = dirname(dir)) {
      const link = join(dir, 'node_modules', name);
      const info = await lstat(link).catch(() => undefined);
      if (info) {
        const real = await realpath(link).catch(() => undefined);
        if (info.isSymbolicLink() && real && !real.split(sep).includes('node_modules')) {
          found.push(existsSync(join(real, 'src')) ? join(real, 'src') : real);
        }
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return found;
}

/** The newest modification (files and folders, so a deleted file counts) under the paths. */
async function newestUnder(paths: readonly string[]): Promise<{ path: string; mtimeMs: number } | undefined> {
  let newest: { path: string; mtimeMs: number } | undefined;
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return;
    if (!newest || info.mtimeMs > newest.mtimeMs) newest = { path, mtimeMs: info.mtimeMs };
    if (!info.isDirectory()) return;
    const entries = await readdir(path);
    await Promise.all(entries.filter((name) => !SKIP.has(name)).map((name) => visit(join(path, name))));
  };
  await Promise.all(paths.map(visit));
  return newest;
}

async function sourcePaths(root: string, extra: readonly string[]): Promise<string[]> {
  return [
    ...ROOT_FILES.map((file) => join(root, file)),
    ...ROOT_FOLDERS.map((folder) => join(root, folder)),
    ...(await localDependencySources(root)),
    ...extra.map((path) => resolve(root, path)),
  ];
}

/**
 * Whether `<root>/dist` holds a build of the current sources: its stamp (dated when that build
 * started) must be newer than every source file and folder.
 */
export async function webBuildState(root: string, sources: readonly string[] = []): Promise<WebBuildState> {
  if (!existsSync(join(root, 'index.html'))) return { state: 'none' };
  const stamp = await stat(join(root, 'dist', STAMP)).catch(() => undefined);
  if (!stamp || !existsSync(join(root, 'dist', 'index.html'))) return { state: 'missing' };
  const newest = await newestUnder(await sourcePaths(root, sources));
  if (newest && newest.mtimeMs > stamp.mtimeMs) return { state: 'stale', newer: newest.path };
  return { state: 'fresh' };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the build lock (an exclusively created file), waiting while a live builder holds it. */
async function acquireLock(path: string, waitMs: number, staleMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      await handle.close();
      return () => unlink(path).catch(() => {});
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as { pid?: number })
      .catch(() => ({}) as { pid?: number });
    const age = Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now());
    const dead = typeof holder.pid === 'number' ? !pidAlive(holder.pid) : age > 5_000;
    if (dead || age > staleMs) {
      await unlink(path).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) {
      throw new WebBuildError(
        `Another process (pid ${holder.pid}) is still building the web UI; lock: ${path}`,
        'LOCKED',
      );
    }
    await sleep(200);
  }
}

type ViteBuild = (config: Record<string, unknown>) => Promise<unknown>;

/** Vite as the web folder itself resolves it (its own devDependency, wherever npm put it). */
function viteEntry(root: string): string | undefined {
  try {
    return createRequire(join(root, 'package.json')).resolve('vite');
  } catch {
    return undefined;
  }
}

/** Runs Vite's production build of `root` into `outDir`. */
async function viteBuild(vite: string, root: string, outDir: string): Promise<void> {
  const { build } = (await import(pathToFileURL(vite).href)) as { build: ViteBuild };
  // Vite reads NODE_ENV to pick React's production or development bundle, and sets it when it
  // is unset: build for production whatever this process runs as, and leave NODE_ENV as found.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Puts the finished build in place of dist: two renames, then the old build is removed. */
async function swapIntoPlace(built: string, dist: string, work: string): Promise<void> {
  const old = join(work, `old-${process.pid}-${Date.now()}`);
  const hadDist = await rename(dist, old).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
  await rename(built, dist);
  if (hadDist) await rm(old, { recursive: true, force: true });
}

/**
 * Builds `<root>/dist` unless it is fresh (see webBuildState). Resolves to what was done:
 * 'kept' is an older build left in place because Vite is not installed (an install without
 * dev dependencies). Throws WebBuildError when Vite fails, leaving any previous build in place.
 */
export async function ensureWebBuilt(opts: WebBuildOptions): Promise<'built' | 'fresh' | 'kept' | 'none'> {
  const root = resolve(opts.root);
  const sources = opts.sources ?? [];
  const logger = opts.logger ?? quiet;
  const before = await webBuildState(root, sources);
  if (before.state === 'none') {
    logger.warn({ root }, `no web UI to build: ${root} has no index.html`);
    return 'none';
  }
  if (before.state === 'fresh') return 'fresh';
  const vite = viteEntry(root);
  if (!vite) {
    if (existsSync(join(root, 'dist', 'index.html'))) {
      logger.warn(
        { root },
        `Vite is not installed for ${root}: serving its existing build, older than its sources`,
      );
      return 'kept';
    }
    throw new WebBuildError(
      `The web UI in ${root} is not built, and Vite is not installed to build it: run \`npm ci\` (with dev dependencies)`,
      'VITE_MISSING',
    );
  }

  // Beside the web folder's own packages: ignored by git, and on the same disk as dist.
  const work = join(root, 'node_modules', '.cache', 'web-build');
  await mkdir(work, { recursive: true });
  const release = await acquireLock(
    join(work, 'lock'),
    opts.lockWaitMs ?? 300_000,
    opts.staleLockMs ?? 600_000,
  );
  const outDir = join(work, `dist-${process.pid}-${Date.now()}`);
  try {
    // Another process may have built while this one waited for the lock.
    const state = await webBuildState(root, sources);
    if (state.state === 'fresh') return 'fresh';
    const why = state.state === 'stale' ? `${state.newer} changed` : 'no build yet';
    logger.info({ root, reason: why }, `building the web UI (${why})`);
    const started = Date.now();
    try {
      await viteBuild(vite, root, outDir);
    } catch (err) {
      throw new WebBuildError(
        `The web UI in ${root} did not build: ${(err as Error).message}`,
        'BUILD_FAILED',
        {
          cause: err,
        },
      );
    }
    const compressed = await compressBuild(outDir);
    // Dated when the build started: a source saved during the build makes the next start rebuild.
    const stamp = join(outDir, STAMP);
    await writeFile(stamp, `${JSON.stringify({ started: new Date(started).toISOString() })}\n`);
    await utimes(stamp, new Date(started), new Date(started));
    await swapIntoPlace(outDir, join(root, 'dist'), work);
    logger.info({ root, ms: Date.now() - started, compressed }, `web UI built in ${Date.now() - started} ms`);
    return 'built';
  } finally {
    await rm(outDir, { recursive: true, force: true });
    await release();
  }
}
