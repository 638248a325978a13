// A staff member's answer to a contact message. The reply text is the one free text this mail
// carries (it is what the person asked for); what the person wrote is not quoted back.
import { defineTemplate, html, layout } from '@campus/platform/mail';

export const contactReply = defineTemplate<{
  name: string;
  reference: string;
  subject: string;
  body: string;
}>({
  name: 'contact-reply',
  subject: (v) =>
    v.subject ? `Re: ${v.subject} (${v.reference})` : `Our answer to your message (${v.reference})`,
  text: (v) => `Hello ${v.name},\n\n${v.body}\n\n--\nA-Cube, about your message ${v.reference}\n`,
  html: (v) =>
    layout({
      title: 'Our answer',
      body: html`<p>Hello ${v.name},</p>${v.body
        .split(/\n{2,}/)
        .map(
          (p) =>
            html`<p>${p.split('\n').map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`,
        )}`,
      footer: `A-Cube, about your message ${v.reference}`,
    }),
});
