import { defineTemplate, html, layout } from '@campus/platform/mail/template.ts';

export const eventCancelled = defineTemplate<{ name: string; eventTitle: string; startsAt: string }>({
  name: 'event-cancelled',
  subject: (v) => `Cancelled: ${v.eventTitle}`,
  text: (v) =>
    `Hello ${v.name},\n\nwe are sorry: ${v.eventTitle} (${v.startsAt}) is cancelled. Your registration has ended; there is nothing you need to do.\n`,
  html: (v) =>
    layout({
      title: 'Event cancelled',
      body: html`<p>Hello ${v.name},</p><p>we are sorry: <strong>${v.eventTitle}</strong> (${v.startsAt}) is cancelled. Your registration has ended; there is nothing you need to do.</p>`,
    }),
});
