import { defineTemplate, html, layout } from '@campus/platform/mail';

export interface BulkReportValues {
  name: string;
  action: string;
  entity: string;
  total: number;
  done: number;
  missing: number;
  failed: number;
  notAttempted: number;
  link: string;
}

const summary = (v: BulkReportValues) =>
  `${v.done} of ${v.total} done, ${v.missing} not found, ${v.failed} failed, ${v.notAttempted} not attempted`;

export const bulkReport = defineTemplate<BulkReportValues>({
  name: 'bulk-report',
  subject: (v) => `Bulk ${v.action} of ${v.entity}: ${v.failed > 0 ? 'stopped' : 'done'}`,
  text: (v) =>
    `Hello ${v.name},\n\nyour bulk ${v.action} of ${v.entity} has finished: ${summary(v)}.\n\nThe report, with every id: ${v.link}\n`,
  html: (v) =>
    layout({
      title: 'Bulk operation report',
      body: html`<p>Hello ${v.name},</p><p>your bulk ${v.action} of ${v.entity} has finished: ${summary(v)}.</p><p><a href="${v.link}">The report, with every id</a></p>`,
    }),
});
