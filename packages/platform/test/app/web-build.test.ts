// A real Vite build of a tiny project in a temporary folder (about two seconds): built once,
// left alone while fresh, rebuilt when a source changes, built once when two starters race, and
// a failed build leaves the previous one in place; `serve` stops on a failed build.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt, WebBuildError } from '../../src/app/web-build.ts';
import { runApp, spawnApp } from '../../src/testing/spawn-app.ts';
import { testDbKind } from '../../src/testing/test-database.ts';

/** Vite as installed for any web folder of the repository (npm may not hoist it). */
function findVite(): string | undefined {
  const repo = fileURLToPath(new URL('../../../../', import.meta.url));
  const candidates = [join(repo, 'package.json')];
  for (const app of readdirSync(join(repo, 'apps')))
    candidates.push(join(repo, 'apps', app, 'web', 'package.json'));
  for (const manifest of candidates) {
    try {
      return dirname(createRequire(manifest).resolve('vite/package.json'));
    } catch {}
  }
  return undefined;
}

const vite = findVite();
let root: string;
const lines: string[] = [];
const logger = {
  info: (_fields: object, message: string) => void lines.push(message),
  warn: (_fields: object, message: string) => void lines.push(message),
};

before(() => {
  root = mkdtempSync(join(tmpdir(), 'web-build-vite-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'node_modules'));
  if (vite) symlinkSync(vite, join(root, 'node_modules', 'vite'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'tiny', private: true, type: 'module' }));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>tiny</title></head><body><script type="module" src="/src/main.js"></script></body></html>',
  );
  writeMain('first');
  writeFileSync(join(root, 'src', 'style.css'), 'body { margin: 0; }\n');
});
after(() => rmSync(root, { recursive: true, force: true }));

function writeMain(word: string) {
  const body = Array.from({ length: 60 }, (_, i) => `document.body.dataset.k${i} = '${word} ${i}';`).join(
    '\n',
  );
  writeFileSync(join(root, 'src', 'main.js'), `import './style.css';\n${body}\n`);
}

const noVite = !vite && 'vite is not installed';
const assets = () => readdirSync(join(root, 'dist', 'assets'));

test('builds a missing dist with compressed siblings and a stamp, and no inline script', {
  skip: noVite,
}, async () => {
  const nodeEnv = process.env.NODE_ENV;
  assert.equal(await ensureWebBuilt({ root, logger }), 'built');
  assert.equal(process.env.NODE_ENV, nodeEnv, 'NODE_ENV as it was before the build');
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  assert.match(html, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script would need the CSP relaxed');
  const js = assets().find((name) => name.endsWith('.js'));
  assert.ok(js && assets().includes(`${js}.br`) && assets().includes(`${js}.gz`), assets().join(' '));
  assert.ok(existsSync(join(root, 'dist', '.build-stamp')));
});

test('leaves a fresh build alone', { skip: noVite }, async () => {
  const before = assets();
  assert.equal(await ensureWebBuilt({ root, logger }), 'fresh');
  assert.deepEqual(assets(), before);
});

test('rebuilds when a source changed, and two starters at once build it once', { skip: noVite }, async () => {
  const old = assets().find((name) => name.endsWith('.js'));
  writeMain('second');
  const results = await Promise.all([ensureWebBuilt({ root, logger }), ensureWebBuilt({ root, logger })]);
  assert.deepEqual(results.sort(), ['built', 'fresh']);
  const now = assets().find((name) => name.endsWith('.js'));
  assert.notEqual(now, old);
  assert.match(readFileSync(join(root, 'dist', 'assets', now ?? ''), 'utf8'), /second/);
});

test('a failed build throws a WebBuildError and keeps the previous build', { skip: noVite }, async () => {
  const before = assets();
  writeFileSync(join(root, 'src', 'main.js'), "import './missing-module.js';\n");
  await assert.rejects(ensureWebBuilt({ root, logger }), (err: Error) => {
    assert.ok(err instanceof WebBuildError);
    assert.equal(err.code, 'BUILD_FAILED');
    assert.match(err.message, /did not build/);
    return true;
  });
  assert.deepEqual(assets(), before);
  assert.deepEqual(
    readdirSync(join(root, 'node_modules', '.cache', 'web-build')),
    [],
    'no temporary build or lock left',
  );
});

const cli = fileURLToPath(new URL('../fixtures/web-app/cli.ts', import.meta.url));

test('serve stops with the build error when the UI does not build, and serves it once it does', {
  skip: noVite || (testDbKind() !== 'pglite' && 'serve runs on the embedded database: once is enough'),
}, async () => {
  // The previous test left a source that does not build.
  const data = mkdtempSync(join(tmpdir(), 'web-serve-'));
  const env = { WEB_ROOT: root, DATA_DIR: data, PORT: '0', LOG_FILE: 'off', LOG_LEVEL: 'warn' };
  try {
    const failed = await runApp(cli, ['serve'], env, 60_000);
    assert.equal(failed.code, 1, failed.stdout + failed.stderr);
    assert.match(failed.stderr, /The web UI in .* did not build/);
    assert.doesNotMatch(failed.stderr, /^\s+at /m, 'a message, not a stack');

    writeMain('third');
    const app = await spawnApp(cli, env, { timeoutMs: 60_000 });
    try {
      const page = await fetch(`${app.url}/teacher/courses`);
      assert.equal(page.status, 200);
      assert.equal(await page.text(), readFileSync(join(root, 'dist', 'index.html'), 'utf8'));
    } finally {
      assert.equal(await app.stop(), 0);
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
