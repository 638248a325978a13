// TLS for every site: Mozilla's "intermediate" settings and HSTS on every answer.
import { q } from './syntax.ts';

/** Mozilla's "intermediate" profile (ssl-config.mozilla.org, guideline 5.7). */
const MOZILLA_INTERMEDIATE_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-CHACHA20-POLY1305',
].join(':');

const HSTS = 'max-age=63072000; includeSubDomains';

/** add_header is not inherited into a location that has its own: every such location repeats these. */
export function commonHeaders(indent: string): string {
  return `${indent}add_header Strict-Transport-Security ${q(HSTS)} always;\n`;
}

/** The http block's TLS settings, shared by every server; '' where a line is left out. */
export function tlsSettings(dhparam: string | undefined): string[] {
  return [
    '  # TLS: Mozilla "intermediate" (TLS 1.2 and 1.3)',
    '  ssl_protocols TLSv1.2 TLSv1.3;',
    '  ssl_ecdh_curve X25519:prime256v1:secp384r1;',
    `  ssl_ciphers ${MOZILLA_INTERMEDIATE_CIPHERS};`,
    '  ssl_prefer_server_ciphers off;',
    '  ssl_session_timeout 1d;',
    '  ssl_session_cache shared:CampusTLS:10m;',
    '  ssl_session_tickets off;',
    dhparam ? `  ssl_dhparam ${q(dhparam)};` : '',
  ];
}
