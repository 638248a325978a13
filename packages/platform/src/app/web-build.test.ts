import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ensureWebBuilt, localDependencySources, type WebBuildError, webBuildState } from './web-build.ts';
import { compressBuild } from './web-compress.ts';

let base: string;
let root: string;
const hourAgo = new Date(Date.now() - 3_600_000);
const minuteAgo = new Date(Date.now() - 60_000);

function write(path: string, text = 'x', when = hourAgo) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, when, when);
}

/** A web folder whose every file and folder dates from an hour ago, built a minute ago. */
function builtWebFolder() {
  write(join(root, 'index.html'));
  write(join(root, 'vite.config.ts'));
  write(join(root, 'package.json'), JSON.stringify({ dependencies: { '@x/shared': '*', plain: '*' } }));
  write(join(root, 'src', 'main.tsx'));
  write(join(root, 'src', 'features', 'page.tsx'));
  write(join(base, 'packages', 'shared', 'src', 'button.tsx'));
  write(join(base, 'packages', 'shared', 'package.json'), '{}');
  mkdirSync(join(base, 'node_modules', '@x'), { recursive: true });
  symlinkSync(join(base, 'packages', 'shared'), join(base, 'node_modules', '@x', 'shared'));
  write(join(base, 'node_modules', 'plain', 'index.js'));
  write(join(root, 'dist', 'index.html'));
  write(join(root, 'dist', '.build-stamp'), '', minuteAgo);
  for (const dir of ['src', 'src/features', '../packages/shared/src'])
    utimesSync(join(root, dir), hourAgo, hourAgo);
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'web-build-'));
  root = join(base, 'web');
  mkdirSync(root);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

test('a folder without index.html has nothing to build', async () => {
  write(join(root, 'src', 'main.tsx'));
  assert.deepEqual(await webBuildState(root), { state: 'none' });
});

test('a build newer than every source is fresh', async () => {
  builtWebFolder();
  assert.deepEqual(await webBuildState(root), { state: 'fresh' });
});

test('no dist, or a dist without the stamp of a finished build, is missing', async () => {
  builtWebFolder();
  unlinkSync(join(root, 'dist', '.build-stamp'));
  assert.deepEqual(await webBuildState(root), { state: 'missing' });
  rmSync(join(root, 'dist'), { recursive: true });
  assert.deepEqual(await webBuildState(root), { state: 'missing' });
});

test('a source file saved after the build makes it stale, naming the file', async () => {
  builtWebFolder();
  write(join(root, 'src', 'features', 'page.tsx'), 'y', new Date());
  assert.deepEqual(await webBuildState(root), {
    state: 'stale',
    newer: join(root, 'src', 'features', 'page.tsx'),
  });
});

test('index.html and vite.config.ts are sources too', async () => {
  for (const file of ['index.html', 'vite.config.ts']) {
    builtWebFolder();
    write(join(root, file), 'y', new Date());
    assert.equal((await webBuildState(root)).state, 'stale', file);
    rmSync(base, { recursive: true });
    mkdirSync(root, { recursive: true });
  }
});

test('a deleted source file makes the build stale (its folder changed)', async () => {
  builtWebFolder();
  unlinkSync(join(root, 'src', 'features', 'page.tsx'));
  assert.deepEqual(await webBuildState(root), { state: 'stale', newer: join(root, 'src', 'features') });
});

test('a change in a local package the web folder depends on makes it stale', async () => {
  builtWebFolder();
  assert.deepEqual(await localDependencySources(root), [join(base, 'packages', 'shared', 'src')]);
  write(join(base, 'packages', 'shared', 'src', 'button.tsx'), 'y', new Date());
  assert.equal((await webBuildState(root)).state, 'stale');
});

test('installed packages, and files outside the sources, do not', async () => {
  builtWebFolder();
  write(join(base, 'node_modules', 'plain', 'index.js'), 'y', new Date());
  write(join(root, 'e2e', 'flow.e2e.test.ts'), 'y', new Date());
  write(join(root, 'node_modules', '.vite', 'deps.json'), 'y', new Date());
  assert.deepEqual(await webBuildState(root), { state: 'fresh' });
});

test('extra source folders are watched when named', async () => {
  builtWebFolder();
  write(join(base, 'shared-styles', 'theme.css'), 'y', new Date());
  assert.equal((await webBuildState(root)).state, 'fresh');
  assert.equal((await webBuildState(root, [join(base, 'shared-styles')])).state, 'stale');
});

test('text files over 1 KB get .br and .gz siblings; small and binary files do not', async () => {
  const dist = join(root, 'dist');
  write(join(dist, 'assets', 'big.js'), 'export const a = 1;\n'.repeat(100));
  write(join(dist, 'assets', 'small.css'), 'body{}');
  write(join(dist, 'assets', 'photo.png'), 'p'.repeat(5000));
  write(join(dist, 'index.html'), `<!doctype html>${' '.repeat(2000)}`);
  assert.equal(await compressBuild(dist), 2);
  const original = readFileSync(join(dist, 'assets', 'big.js'));
  assert.deepEqual(brotliDecompressSync(readFileSync(join(dist, 'assets', 'big.js.br'))), original);
  assert.deepEqual(gunzipSync(readFileSync(join(dist, 'assets', 'big.js.gz'))), original);
  assert.ok(existsSync(join(dist, 'index.html.br')));
  assert.equal(existsSync(join(dist, 'assets', 'small.css.br')), false);
  assert.equal(existsSync(join(dist, 'assets', 'photo.png.gz')), false);
});

test('without Vite installed, an older build is kept and said so; no build at all is an error', async () => {
  builtWebFolder();
  write(join(root, 'src', 'main.tsx'), 'y', new Date());
  const warnings: string[] = [];
  const logger = { info() {}, warn: (_fields: object, message: string) => void warnings.push(message) };
  assert.equal(await ensureWebBuilt({ root, logger }), 'kept');
  assert.match(warnings.join('\n'), /Vite is not installed/);
  rmSync(join(root, 'dist'), { recursive: true });
  await assert.rejects(ensureWebBuilt({ root, logger }), (err: WebBuildError) => {
    assert.equal(err.code, 'VITE_MISSING');
    assert.match(err.message, /npm ci/);
    return true;
  });
});
