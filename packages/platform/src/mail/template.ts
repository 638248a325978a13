// Mail templates: each message type has a subject, a text body and an HTML body built from
// typed values. In HTML, every interpolated value is escaped by the `html` tag; only fragments
// made with the same tag pass through unescaped.
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** html`<p>Hello ${name}</p>`: values are escaped; arrays are joined; SafeHtml passes as is. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((v) => (v instanceof SafeHtml ? v.value : escapeHtml(v))).join('');
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

/** A file sent with a message, built from the same values at delivery (e.g. a calendar invitation). */
export interface MailAttachment {
  filename: string;
  content: string;
  /** e.g. `text/calendar; charset=utf-8; method=REQUEST` */
  contentType: string;
}

export interface MailTemplate<V> {
  name: string;
  subject(values: V): string;
  text(values: V): string;
  html(values: V): SafeHtml;
  /** Files to attach, built from the values when the message is delivered. */
  attachments?(values: V): MailAttachment[];
}

export function defineTemplate<V>(template: MailTemplate<V>): MailTemplate<V> {
  return template;
}

/** A layout both apps' messages can share: a title, the body, a small footer. */
export function layout(opts: { title: string; body: SafeHtml; footer?: string }): SafeHtml {
  return html`<!doctype html><html><head><meta charset="utf-8"><title>${opts.title}</title></head><body style="font-family: sans-serif; line-height: 1.5">${opts.body}${opts.footer ? html`<hr><p style="color:#666;font-size:small">${opts.footer}</p>` : ''}</body></html>`;
}
