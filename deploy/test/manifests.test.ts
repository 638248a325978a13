// The container and Kubernetes deploy files, checked offline (no container engine or cluster
// runs here): every Kubernetes object against Kubernetes' schemas (strict: unknown fields fail),
// the compose file against the Compose specification's schema, the Dockerfile for what can be
// read from it; then against the apps themselves: each manifest's environment goes through the
// app's own settings loader (so PORT, ROLE and SHUTDOWN_TIMEOUT_MS are what the app would read),
// probe paths answer on the app built in-process, ATTN's event streams (from its OpenAPI
// document) go through an unbuffered Ingress, the grace periods outlast the drain.
// Run: npm run test:cluster, or alone: node --test deploy/test/manifests.test.ts
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AppSpec } from '@campus/platform/app';
import type { PlatformConfig } from '@campus/platform/config';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { parse, parseAllDocuments } from 'yaml';
import { acubeSpec } from '../../apps/acube/api/src/spec.ts';
import { ROSTER_BODY_LIMIT } from '../../apps/attn/api/src/modules/courses/roster-import.schemas.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../apps/attn/api/src/modules/face/face.schemas.ts';
import { attnSpec } from '../../apps/attn/api/src/spec.ts';
import { BODY_LIMITS, type NginxOptions, renderNginxConfig } from '../nginx/render.ts';
import { composeValidator, kubeProblems } from './support/schemas.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const k8sDir = join(root, 'deploy/k8s');
const dockerDir = join(root, 'deploy/docker');

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked by schema before it is read
type Doc = Record<string, any>;

interface AppUnderTest {
  name: 'acube' | 'attn';
  // biome-ignore lint/suspicious/noExplicitAny: each app's own config type
  spec: AppSpec<any>;
  /** The largest request body a route takes (uploads), which the ingress must let through. */
  largestBody: number;
}

const MiB = 1024 * 1024;
const apps: AppUnderTest[] = [
  // A-Cube's uploads: 10 MiB (apps/acube/api/src/app.ts, the `upload` file kind)
  { name: 'acube', spec: acubeSpec, largestBody: 10 * MiB },
  { name: 'attn', spec: attnSpec, largestBody: Math.max(MAX_PHOTOS * MAX_PHOTO_BYTES, ROSTER_BODY_LIMIT) },
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .map((file) => join(dir, file))
    .sort();
}

/** Every Kubernetes object under deploy/k8s (kustomization files are kustomize's, not the API's). */
function kubeObjects(): { file: string; doc: Doc }[] {
  return yamlFiles(k8sDir)
    .filter((file) => !file.endsWith('kustomization.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
        assert.equal(d.errors.length, 0, `${relative(root, file)}: ${d.errors.join('; ')}`);
        return { file: relative(root, file), doc: d.toJS() as Doc };
      }),
    );
}

/** `size` as nginx writes it (25m, 512k, 1g, bytes) in bytes. */
function nginxSize(size: string): number {
  const match = /^(\d+)([kmg]?)$/i.exec(size);
  assert.ok(match, `"${size}" is not an nginx size`);
  const unit = { '': 1, k: 1024, m: MiB, g: 1024 * MiB }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Number(match[1]) * unit;
}

/** Seconds a preStop hook waits: `sleep N` (exec) or the built-in sleep action. */
function preStopSeconds(container: IContainer): number {
  const hook = container.lifecycle?.preStop;
  if (!hook) return 0;
  if (hook.sleep) return hook.sleep.seconds;
  const command = hook.exec?.command ?? [];
  assert.equal(command[0], 'sleep', `preStop of ${container.name} is a sleep`);
  return Number(command[1]);
}

/**
 * A settings environment as the container would see it, loaded by the app's own loader. Secret
 * files (`*_FILE`) are replaced by files of the right shape, after checking that each one lies
 * under a mounted Secret (`secretMounts`).
 */
function loadAppConfig(
  app: AppUnderTest,
  env: Record<string, string>,
  secretMounts: string[],
  scratch: string,
): PlatformConfig {
  const samples: Record<string, string> = {
    APP_SECRET_FILE: 'x'.repeat(48),
    DATABASE_URL_FILE: `postgres://campus:secret@postgres:5432/${app.name}`,
    METRICS_TOKEN_FILE: 'm'.repeat(32),
    SIS_TOKEN_FILE: 's'.repeat(32),
  };
  const loaded: Record<string, string> = { ...env };
  for (const [name, path] of Object.entries(env)) {
    if (!name.endsWith('_FILE') || name === 'LOG_FILE') continue;
    assert.ok(
      secretMounts.some((mount) => path.startsWith(`${mount}/`)),
      `${app.name}: ${name}=${path} is not under a mounted secret (${secretMounts.join(', ') || 'none'})`,
    );
    const sample = samples[name];
    assert.ok(sample, `${app.name}: no sample value for ${name}`);
    const file = join(scratch, `${app.name}-${name}`);
    writeFileSync(file, sample);
    loaded[name] = file;
  }
  return app.spec.loadConfig(loaded);
}

describe('deploy manifests, validated offline', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'manifests-test-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const objects = kubeObjects();
  const find = (kind: string, name: string) => {
    const found = objects.find((o) => o.doc.kind === kind && o.doc.metadata?.name === name);
    assert.ok(found, `a ${kind} named ${name} under deploy/k8s`);
    return found.doc;
  };

  describe('schemas', () => {
    it('every Kubernetes object passes its kind’s schema, with no field the schema does not know', async () => {
      assert.ok(objects.length >= 19, `found ${objects.length} objects`);
      const problems: string[] = [];
      for (const { file, doc } of objects) {
        for (const problem of await kubeProblems(doc))
          problems.push(`${file} ${doc.kind}/${doc.metadata?.name}: ${problem}`);
      }
      assert.deepEqual(problems, []);
    });

    it('the strict check catches a misspelt field, a wrong type and an unknown kind', async () => {
      const api = structuredClone(find('Deployment', 'attn-api'));
      const container = api.spec.template.spec.containers[0];
      container.readinesProbe = container.readinessProbe;
      assert.match((await kubeProblems(api)).join('\n'), /containers\/0\/readinesProbe is not a field/);
      const wrongType = structuredClone(find('Deployment', 'attn-api'));
      wrongType.spec.template.spec.containers[0].ports[0].containerPort = '3001';
      assert.match((await kubeProblems(wrongType)).join('\n'), /containerPort must be integer/);
      await assert.rejects(
        kubeProblems({ apiVersion: 'apps/v1', kind: 'Deploymnet' }),
        /no Kubernetes schema/,
      );
    });

    it('holds no Secret object: pods reference Secrets made by the operator, never their values', () => {
      assert.deepEqual(
        objects.filter((o) => o.doc.kind === 'Secret').map((o) => o.file),
        [],
      );
    });

    it('each kustomization lists files that exist, and every manifest of its folder but the migrate Job', () => {
      for (const file of yamlFiles(k8sDir).filter((f) => f.endsWith('kustomization.yaml'))) {
        const dir = join(file, '..');
        const kustomization = parse(readFileSync(file, 'utf8')) as Doc;
        const resources = kustomization.resources as string[];
        for (const resource of resources)
          assert.ok(existsSync(join(dir, resource)), `${relative(root, file)}: ${resource}`);
        const siblings = readdirSync(dir).filter(
          (f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && f !== 'migrate-job.yaml',
        );
        for (const sibling of siblings)
          assert.ok(resources.includes(sibling), `${relative(root, file)} lists ${sibling}`);
      }
    });

    const validateCompose = composeValidator();
    const compose = parse(readFileSync(join(dockerDir, 'compose.yaml'), 'utf8'), { merge: true }) as Doc;

    it('the compose file passes the Compose specification’s schema, and a broken copy does not', () => {
      assert.deepEqual(validateCompose(compose), []);
      const broken = structuredClone(compose);
      broken.services['attn-api'].helthcheck = broken.services['attn-api'].healthcheck;
      broken.services.postgres.depends_on = { redis: { condition: 'service_done' } };
      const problems = validateCompose(broken).join('\n');
      assert.match(problems, /additional properties/);
      assert.match(problems, /must be equal to one of the allowed values/);
    });
  });

  describe('the Dockerfile', () => {
    const text = readFileSync(join(dockerDir, 'Dockerfile'), 'utf8');
    // Instructions with their continuation lines joined, comments dropped.
    const instructions = text
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const [keyword = '', ...rest] = line.split(/\s+/);
        return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
      });
    const all = (keyword: string) => instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
    const lastStage = instructions.slice(instructions.map((i) => i.keyword).lastIndexOf('FROM'));

    it('builds on the Debian (bookworm) slim image of the Node major the project pins', () => {
      const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies
        .node as string;
      const major = pinned.split('.')[0];
      const froms = all('FROM');
      assert.ok(froms.length >= 2, 'multi-stage');
      for (const from of froms) {
        const image = from.split(/\s+/)[0];
        assert.equal(image, `node:${major}-bookworm-slim`, `FROM ${from}`);
      }
    });

    it('runs as a non-root user, stops on SIGTERM, and has no HEALTHCHECK that needs a tool the image lacks', () => {
      const users = lastStage.filter((i) => i.keyword === 'USER').map((i) => i.args);
      assert.ok(users.length > 0, 'the final stage names a USER');
      const user = users[users.length - 1] as string;
      assert.doesNotMatch(user, /^(root|0)(:|$)/);
      assert.match(user, /^[1-9]\d*(:\d+)?$/, 'a numeric uid, which runAsNonRoot can verify');
      const podUser = find('Deployment', 'attn-api').spec.template.spec.securityContext.runAsUser;
      assert.equal(Number(user.split(':')[0]), podUser, 'the pods run as the image’s user');
      assert.deepEqual(all('STOPSIGNAL'), ['SIGTERM']);
      for (const check of all('HEALTHCHECK')) assert.match(check, /^(NONE|.*CMD \[?"?node)/);
    });

    it('starts through an entrypoint in the repository that runs each app’s command line', () => {
      const entrypoint = JSON.parse(all('ENTRYPOINT').at(-1) ?? '[]') as string[];
      const workdir = lastStage.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args;
      assert.ok(workdir, 'the final stage sets WORKDIR');
      const script = entrypoint[0] ?? '';
      assert.ok(
        script.startsWith(`${workdir}/`),
        `${script} lies in ${workdir}, where the repository is copied`,
      );
      const inRepo = script.slice(workdir.length + 1);
      const mode = execFileSync('git', ['ls-files', '-s', inRepo], { cwd: root, encoding: 'utf8' });
      assert.match(mode, /^100755 /, `${inRepo} is in git and executable`);
      const body = readFileSync(join(root, inRepo), 'utf8');
      assert.match(body, /exec node "apps\/\$APP\/api\/src\/cli\.ts" "\$@"/);
      for (const app of apps) assert.ok(existsSync(join(root, `apps/${app.name}/api/src/cli.ts`)));
      // The compose services and the pods pass the app (and its command) as arguments.
      assert.deepEqual(JSON.parse(all('CMD').at(-1) ?? '[]'), ['serve']);
    });

    it('leaves installed, built and secret files out of the build context', () => {
      const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
      for (const pattern of [
        '**/node_modules',
        '**/dist',
        '.git',
        'data',
        '**/.env',
        'deploy/docker/secrets',
      ]) {
        assert.ok(ignored.includes(pattern), `.dockerignore has ${pattern}`);
      }
    });
  });

  for (const app of apps) {
    describe(`${app.name}, against the app itself`, () => {
      const configMap = find('ConfigMap', `${app.name}-config`);
      const api = find('Deployment', `${app.name}-api`);
      const worker = find('Deployment', `${app.name}-worker`);
      const job = find('Job', `${app.name}-migrate`);
      const service = find('Service', `${app.name}-api`);
      const hpa = find('HorizontalPodAutoscaler', `${app.name}-api`);
      const pdb = find('PodDisruptionBudget', `${app.name}-api`);
      const ingresses = objects
        .filter(
          (o) => o.doc.kind === 'Ingress' && o.doc.metadata.labels?.['app.kubernetes.io/name'] === app.name,
        )
        .map((o) => o.doc);

      /** The container's environment and its settings as the app loads them. */
      const podConfig = (template: IPodTemplateSpec) => {
        const pod = template.spec;
        assert.ok(pod);
        const container = pod.containers[0] as IContainer;
        const env: Record<string, string> = {};
        for (const source of container.envFrom ?? []) {
          assert.equal(source.configMapRef?.name, configMap.metadata.name, 'env from the app’s ConfigMap');
          Object.assign(env, configMap.data);
        }
        for (const variable of container.env ?? []) env[variable.name] = variable.value ?? '';
        const secretVolumes = (pod.volumes ?? []).filter((v) => v.secret).map((v) => v.name);
        const secretMounts = (container.volumeMounts ?? [])
          .filter((m) => secretVolumes.includes(m.name))
          .map((m) => m.mountPath);
        return { pod, container, env, config: loadAppConfig(app, env, secretMounts, scratch) };
      };

      // Built once, as the API pods run it. The health routes are the platform's, registered in
      // every role (a worker listens for its probes too), so the worker's probes ask this app.
      let built: TestApp | undefined;
      before(async () => {
        const dataDir = mkdtempSync(join(scratch, `${app.name}-data-`));
        built = await createTestApp(app.spec, {
          env: { ROLE: 'api', DATA_DIR: dataDir, DEMO_DATA: 'false' },
        });
      });
      after(async () => {
        await built?.close();
      });

      for (const [role, deployment] of [
        ['api', api],
        ['worker', worker],
      ] as const) {
        it(`${role} Deployment: the app reads its settings, ROLE=${role}, and the probes answer on the app at the container’s port`, async () => {
          const { container, config } = podConfig(deployment.spec.template);
          assert.equal(config.role, role);
          assert.equal(config.host, '0.0.0.0', 'listens where the kubelet and the Service reach it');
          const ports = container.ports ?? [];
          assert.deepEqual(
            ports.map((p) => p.containerPort),
            [config.port],
            'the only container port is the PORT the app listens on',
          );
          const probes = { readiness: container.readinessProbe, liveness: container.livenessProbe };
          assert.equal(probes.readiness?.httpGet?.path, '/health/ready');
          assert.equal(probes.liveness?.httpGet?.path, '/health/live');
          for (const probe of [probes.readiness, probes.liveness, container.startupProbe]) {
            if (!probe) continue;
            const port = probe.httpGet?.port;
            const resolved =
              typeof port === 'string' ? ports.find((p) => p.name === port)?.containerPort : port;
            assert.equal(resolved, config.port, `probe ${probe.httpGet?.path} on the app's port`);
            const answer = await built?.app.inject({ method: 'GET', url: probe.httpGet?.path ?? '' });
            assert.equal(answer?.statusCode, 200, `${probe.httpGet?.path}: ${answer?.body}`);
          }
        });

        it(`${role} Deployment: the grace period outlasts preStop plus SHUTDOWN_TIMEOUT_MS; non-root on a read-only root`, () => {
          const { pod, container, config } = podConfig(deployment.spec.template);
          const wait = preStopSeconds(container);
          if (role === 'api') assert.ok(wait >= 3, 'the API waits for endpoints to drop it before draining');
          const grace = pod.terminationGracePeriodSeconds ?? 30;
          assert.ok(
            grace > config.shutdownTimeoutMs / 1000 + wait,
            `terminationGracePeriodSeconds ${grace} > ${config.shutdownTimeoutMs / 1000} + ${wait}`,
          );
          assert.equal(pod.securityContext?.runAsNonRoot, true);
          assert.equal(container.securityContext?.readOnlyRootFilesystem, true);
          assert.equal(container.securityContext?.allowPrivilegeEscalation, false);
          assert.deepEqual(container.securityContext?.capabilities?.drop, ['ALL']);
          // Where the app writes is mounted: its DATA_DIR (loaded: absolute) and /tmp.
          const mounts = container.volumeMounts ?? [];
          const writable = (path: string) =>
            mounts.some((m) => !m.readOnly && (path === m.mountPath || path.startsWith(`${m.mountPath}/`)));
          assert.ok(writable(config.dataDir), `DATA_DIR ${config.dataDir} is on a volume`);
          assert.ok(writable('/tmp'), '/tmp is on a volume');
          assert.equal(config.logFile, null, 'logs to stdout, not a file in the pod');
          assert.ok(container.resources?.requests?.cpu && container.resources.requests.memory, 'requests');
          assert.ok(container.resources?.limits?.memory, 'a memory limit');
          assert.deepEqual(container.args, [app.name, 'serve']);
        });
      }

      it('migrate Job: runs the app’s migrate command once, with the same settings', () => {
        const { pod, container, config } = podConfig(job.spec.template);
        assert.deepEqual(container.args, [app.name, 'migrate']);
        assert.ok(config.databaseUrl, 'DATABASE_URL (from its file) is set');
        assert.ok(['Never', 'OnFailure'].includes(pod.restartPolicy ?? ''));
        assert.equal(container.securityContext?.readOnlyRootFilesystem, true);
        assert.equal(
          container.image,
          api.spec.template.spec.containers[0].image,
          'the same image as the API',
        );
      });

      it('Service, PodDisruptionBudget and HorizontalPodAutoscaler point at the API pods, never the workers', () => {
        const apiLabels = api.spec.template.metadata.labels as Record<string, string>;
        const workerLabels = worker.spec.template.metadata.labels as Record<string, string>;
        const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
          Object.entries(selector).every(([key, value]) => labels[key] === value);
        for (const [what, selector] of [
          ['Service', service.spec.selector],
          ['PodDisruptionBudget', pdb.spec.selector.matchLabels],
          ['API Deployment', api.spec.selector.matchLabels],
        ] as const) {
          assert.ok(selects(selector, apiLabels), `${what} selects the API pods`);
          assert.ok(!selects(selector, workerLabels), `${what} does not select the workers`);
        }
        const apiPort = api.spec.template.spec.containers[0].ports[0];
        for (const port of service.spec.ports) assert.equal(port.targetPort, apiPort.name);
        assert.deepEqual(hpa.spec.scaleTargetRef, {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: api.metadata.name,
        });
        assert.ok(hpa.spec.minReplicas >= 2 && hpa.spec.minReplicas <= hpa.spec.maxReplicas);
        assert.equal(api.spec.replicas, hpa.spec.minReplicas, 'the Deployment starts where the HPA starts');
        assert.ok(
          pdb.spec.maxUnavailable !== undefined || pdb.spec.minAvailable < hpa.spec.minReplicas,
          'a drain can proceed',
        );
      });

      it('Ingress: TLS for the public host, the Service’s port, a body limit over the largest upload', () => {
        const { config } = podConfig(api.spec.template);
        const host = new URL(config.publicUrl).hostname;
        assert.equal(new URL(config.publicUrl).protocol, 'https:');
        assert.ok(ingresses.length > 0);
        for (const ingress of ingresses) {
          const tlsHosts = ingress.spec.tls.flatMap((t: Doc) => t.hosts);
          for (const rule of ingress.spec.rules) {
            assert.equal(rule.host, host, 'the host of PUBLIC_URL');
            assert.ok(tlsHosts.includes(rule.host), `TLS covers ${rule.host}`);
            for (const path of rule.http.paths) {
              assert.equal(path.backend.service.name, service.metadata.name);
              assert.ok(service.spec.ports.some((p: Doc) => p.name === path.backend.service.port.name));
            }
          }
        }
        const main = ingresses.find((i) =>
          i.spec.rules.some((r: Doc) => r.http.paths.some((p: Doc) => p.path === '/')),
        );
        assert.ok(main, 'an Ingress for /');
        const limit = nginxSize(main.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']);
        // The app's own limits, and deploy/nginx's per-route ones (multipart overhead included).
        const largest = Math.max(app.largestBody, ...BODY_LIMITS[app.name].map((l) => l.bytes));
        assert.ok(limit >= largest, `body limit ${limit} >= ${largest}`);
      });

      it('Ingress: every event stream the app serves goes through an unbuffered path with a long read timeout', async () => {
        const answer = await built?.app.inject({ method: 'GET', url: '/openapi.json' });
        assert.equal(answer?.statusCode, 200);
        const openapi = JSON.parse(answer?.body ?? '{}') as Doc;
        const streams = Object.entries(openapi.paths as Doc)
          .filter(([, operations]) =>
            Object.values(operations as Doc).some(
              (op: Doc) => op?.responses?.['200']?.content?.['text/event-stream'],
            ),
          )
          .map(([path]) => path.replace(/\{[^}]+\}/g, 'x'));
        if (app.name === 'attn')
          assert.ok(streams.length > 0, 'ATTN serves its live view as an event stream');
        for (const stream of streams) {
          // ingress-nginx routes to the longest matching Prefix path.
          const matches = ingresses.flatMap((ingress) =>
            ingress.spec.rules.flatMap((rule: Doc) =>
              rule.http.paths
                .filter(
                  (p: Doc) =>
                    p.pathType === 'Prefix' &&
                    (stream === p.path || stream.startsWith(p.path.endsWith('/') ? p.path : `${p.path}/`)),
                )
                .map((p: Doc) => ({ ingress, length: p.path.length })),
            ),
          );
          const best = matches.sort((a, b) => b.length - a.length)[0];
          assert.ok(best, `an Ingress path for ${stream}`);
          const notes = best.ingress.metadata.annotations as Record<string, string>;
          assert.equal(notes['nginx.ingress.kubernetes.io/proxy-buffering'], 'off', `${stream} unbuffered`);
          assert.ok(
            Number(notes['nginx.ingress.kubernetes.io/proxy-read-timeout']) >= 3600,
            `${stream} read timeout`,
          );
        }
      });
    });
  }

  describe('compose, against the apps', () => {
    // Compose's own interpolation, with each variable at its default (`${NAME:-default}`).
    const text = readFileSync(join(dockerDir, 'compose.yaml'), 'utf8').replace(/\$\{\w+:-([^}]*)\}/g, '$1');
    assert.doesNotMatch(text, /\$\{/, 'every variable has a default');
    const compose = parse(text, { merge: true }) as Doc;
    const services = compose.services as Record<string, Doc>;
    // What the image sets (ENV of its final stage): the services' environment goes on top.
    const dockerfile = readFileSync(join(dockerDir, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const imageEnv = Object.fromEntries(
      [...finalStage.matchAll(/^ENV\s+(.+)$/gm)].flatMap((m) =>
        (m[1] ?? '')
          .trim()
          .split(/\s+/)
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
      ),
    ) as Record<string, string>;

    for (const app of apps) {
      it(`${app.name}: migrate once, then API and worker with their ROLE, secrets as files, readiness healthchecks on PORT`, () => {
        const migrate = services[`${app.name}-migrate`];
        assert.ok(migrate);
        assert.deepEqual(migrate.command, [app.name, 'migrate']);
        assert.equal(migrate.restart, 'no');
        assert.equal(migrate.depends_on.postgres.condition, 'service_healthy');
        for (const role of ['api', 'worker'] as const) {
          const name = `${app.name}-${role}`;
          const svc = services[name];
          assert.ok(svc, name);
          assert.deepEqual(svc.command, [app.name, 'serve']);
          assert.equal(svc.depends_on[`${app.name}-migrate`].condition, 'service_completed_successfully');
          const secretNames = svc.secrets as string[];
          for (const secret of secretNames)
            assert.ok(compose.secrets[secret]?.file, `secret ${secret} is a file`);
          const env = svc.environment as Record<string, string>;
          assert.ok(env.APP_SECRET_FILE, 'APP_SECRET_FILE');
          const config = loadAppConfig(app, { ...imageEnv, ...env }, ['/run/secrets'], scratch);
          assert.equal(config.nodeEnv, 'production');
          for (const [variable, path] of Object.entries(env).filter(([k]) => k.endsWith('_FILE'))) {
            assert.ok(
              secretNames.includes(path.replace('/run/secrets/', '')),
              `${name}: ${variable} is one of its secrets`,
            );
          }
          assert.equal(config.role, role);
          assert.equal(config.host, '0.0.0.0', 'the image listens on every address');
          assert.equal(svc.read_only, true);
          const test = (svc.healthcheck.test as string[]).join(' ');
          assert.ok(
            test.includes(`http://127.0.0.1:${config.port}/health/ready`),
            `${name} healthcheck on its PORT`,
          );
          const grace = /^(\d+)s$/.exec(svc.stop_grace_period)?.[1];
          assert.ok(Number(grace) > config.shutdownTimeoutMs / 1000, `${name} stop_grace_period`);
          const nginx = services.nginx?.networks.campus.ipv4_address;
          assert.deepEqual(config.trustProxy, [nginx], 'TRUST_PROXY names nginx only');
        }
      });
    }

    it('nginx: the configuration rendered from nginx-sites.json sends each site to its API service at the PORT the app reads', () => {
      const options = JSON.parse(readFileSync(join(dockerDir, 'nginx-sites.json'), 'utf8')) as NginxOptions;
      const rendered = renderNginxConfig(options);
      const nginx = services.nginx as Doc;
      const mountTargets = (nginx.volumes as string[]).map((v) => v.split(':')[1] ?? '');
      const mounted = (path: string) =>
        mountTargets.some((target) => path.startsWith(`${target}/`) || path === target);
      assert.ok(mountTargets.includes('/etc/nginx/nginx.conf'), 'the rendered file is nginx.conf');
      assert.ok(
        (nginx.command as string[]).join(' ').includes(`mkdir -p ${options.prefix}/temp`),
        'prefix made first',
      );
      assert.doesNotMatch(rendered, /^\s*daemon /m, 'the image’s command says daemon off');
      for (const app of apps) {
        const site = options.sites.find((s) => s.app === app.name);
        assert.ok(site, `a site for ${app.name}`);
        const api = services[`${app.name}-api`] as Doc;
        const config = loadAppConfig(app, { ...imageEnv, ...api.environment }, ['/run/secrets'], scratch);
        assert.deepEqual(site.upstreams, [`${app.name}-api:${config.port}`]);
        assert.match(rendered, new RegExp(`server ${app.name}-api:${config.port}\\b`));
        assert.equal(site.serverName, new URL(config.publicUrl).hostname, 'server name = PUBLIC_URL host');
        for (const path of [site.certificate, site.certificateKey, site.acmeRoot ?? '']) {
          assert.ok(mounted(path), `${path} is mounted into the nginx container`);
        }
      }
    });

    it('PostgreSQL keeps its data on a volume with fsync on; nginx waits for healthy APIs', () => {
      const postgres = services.postgres as Doc;
      assert.ok((postgres.command as string[]).join(' ').includes('fsync=on'));
      assert.ok((postgres.volumes as string[]).some((v) => v.endsWith(':/var/lib/postgresql/data')));
      const nginx = services.nginx as Doc;
      for (const app of apps) assert.equal(nginx.depends_on[`${app.name}-api`].condition, 'service_healthy');
    });
  });
});
