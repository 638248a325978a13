import { defineTemplate, html, layout } from '@campus/platform/mail';

export const adminWelcome = defineTemplate<{ name: string; role: string; link: string; hours: number }>({
  name: 'admin-welcome',
  subject: () => 'Welcome to the A-Cube admin panel',
  text: (v) =>
    `Hello ${v.name},\n\nan account (${v.role}) has been made for you on the A-Cube admin panel. Choose your password here within ${v.hours} hours:\n${v.link}\n`,
  html: (v) =>
    layout({
      title: 'Welcome',
      body: html`<p>Hello ${v.name},</p><p>an account (${v.role}) has been made for you on the A-Cube admin panel.</p><p><a href="${v.link}">Choose your password</a> within ${v.hours} hours.</p>`,
      footer: 'If you did not expect this, ignore this message.',
    }),
});
