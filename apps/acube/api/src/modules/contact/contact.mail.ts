// The acknowledgement of a contact message: the name (escaped) and the reference; never what
// the person wrote.
import { defineTemplate, html, layout } from '@campus/platform/mail';

export const contactReceived = defineTemplate<{ name: string; reference: string }>({
  name: 'contact-received',
  subject: (v) => `We received your message (${v.reference})`,
  text: (v) =>
    `Hello ${v.name},\n\nwe received your message (${v.reference}) and will answer as soon as we can.\n`,
  html: (v) =>
    layout({
      title: 'Message received',
      body: html`<p>Hello ${v.name},</p><p>we received your message (<strong>${v.reference}</strong>) and will answer as soon as we can.</p>`,
    }),
});
