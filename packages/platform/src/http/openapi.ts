// OpenAPI 3.1 generated from the route schemas, served at /openapi.json, with Swagger UI at
// /docs. The UI's assets are served by the app itself (no CDN) under its own strict CSP.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
}

interface Parameter {
  in?: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

/**
 * A query parameter with a default need not be sent (the validator fills it in), but the
 * generator marks it required because its schema has no Optional: the document says optional.
 */
export function defaultsOptional<D>(doc: D): D {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const item of Object.values(paths))
    for (const operation of Object.values(item ?? {})) {
      const parameters = (operation as { parameters?: unknown } | null)?.parameters;
      if (!Array.isArray(parameters)) continue;
      for (const p of parameters as Parameter[])
        if (p.in === 'query' && p.required && p.schema && 'default' in p.schema) p.required = false;
    }
  return doc;
}

export const openApiPlugin = fp(
  async (app: FastifyInstance, opts: OpenApiOptions) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: opts.title, version: opts.version, description: opts.description },
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            cookieAuth: { type: 'apiKey', in: 'cookie', name: 'session' },
          },
        },
      },
      transformObject: (documents) =>
        defaultsOptional('openapiObject' in documents ? documents.openapiObject : {}),
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    });
    // The UI's own routes (page and static assets) are public and unlimited, like /openapi.json.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { rateLimit: 'unlimited', access: 'public', ...route.config };
      });
      await docs.register(swaggerUi, {
        routePrefix: '/docs',
        staticCSP: true,
        // Swagger UI sets style attributes from its script: allow inline styles on /docs only,
        // and nothing from other hosts (the default allows any https: source).
        transformStaticCSP: (header: string) =>
          header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'").replace(/ https:/g, ''),
        uiConfig: { deepLinking: true, tryItOutEnabled: false },
        logLevel: 'warn',
      });
    });
    app.get(
      '/openapi.json',
      { schema: { hide: true }, logLevel: 'warn', config: { rateLimit: 'unlimited', access: 'public' } },
      async () => app.swagger(),
    );
  },
  { name: 'platform-openapi' },
);
