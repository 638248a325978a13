// The acknowledgement of a volunteer application: the name (escaped) and the reference; never
// what the person wrote.
import { defineTemplate, html, layout } from '@campus/platform/mail';

export const volunteerReceived = defineTemplate<{ name: string; reference: string }>({
  name: 'volunteer-received',
  subject: (v) => `Thank you for offering to volunteer (${v.reference})`,
  text: (v) =>
    `Hello ${v.name},\n\nthank you for your application (${v.reference}). Our team will read it and get back to you.\n`,
  html: (v) =>
    layout({
      title: 'Thank you',
      body: html`<p>Hello ${v.name},</p><p>thank you for your application (<strong>${v.reference}</strong>). Our team will read it and get back to you.</p>`,
    }),
});
