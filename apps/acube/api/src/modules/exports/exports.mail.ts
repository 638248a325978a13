import { defineTemplate, html, layout } from '@campus/platform/mail';

export const exportReady = defineTemplate<{ name: string; what: string; rows: number; link: string }>({
  name: 'export-ready',
  subject: (v) => `Your export is ready: ${v.what}`,
  text: (v) =>
    `Hello ${v.name},\n\nyour export (${v.what}, ${v.rows} rows) is ready. Download it, logged in as an admin:\n${v.link}\n`,
  html: (v) =>
    layout({
      title: 'Export ready',
      body: html`<p>Hello ${v.name},</p><p>your export (${v.what}, ${v.rows} rows) is ready.</p><p><a href="${v.link}">Download it</a> (you need to be logged in as an admin).</p>`,
    }),
});
