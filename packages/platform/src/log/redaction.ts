// What never reaches a log: secrets by key name at any of the first levels, credential
// headers, and tokens carried in URLs. Apps add the paths of their own sensitive fields.

const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'new_password',
  'currentPassword',
  'current_password',
  'passwordHash',
  'password_hash',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'secret',
  'appSecret',
  'apiKey',
  'api_key',
  'authorization',
  'cookie',
  'selfie',
];

const SENSITIVE_QUERY = new Set([
  'token',
  'access_token',
  'refresh_token',
  'code',
  'password',
  'secret',
  'key',
  'api_key',
  'signature',
  'sig',
]);

export const CENSOR = '[REDACTED]';

/** pino `redact` paths: each sensitive key at depth 1 to 4, headers, and the app's own paths. */
export function redactPaths(extra: string[] = []): string[] {
  const paths = [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    'res.headers["set-cookie"]',
  ];
  for (const key of SENSITIVE_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`);
  }
  for (const path of extra) paths.push(path, `*.${path}`);
  return paths;
}

/** Replaces the values of token-like query parameters, e.g. `/b?token=abc` → `/b?token=[REDACTED]`. */
export function redactUrl(url: string, extraParams: string[] = []): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const names = new Set([...SENSITIVE_QUERY, ...extraParams.map((p) => p.toLowerCase())]);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponent((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      return eq !== -1 && names.has(name.toLowerCase()) ? `${pair.slice(0, eq)}=${CENSOR}` : pair;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}
