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

export const adminPasswordReset = defineTemplate<{ name: string; link: string; hours: number }>({
  name: 'admin-password-reset',
  subject: () => 'Choose a new password for the A-Cube admin panel',
  text: (v) =>
    `Hello ${v.name},\n\nsomeone (we hope you) asked to reset your password on the A-Cube admin panel. Choose a new one here within ${v.hours} hours; the link works once:\n${v.link}\n\nIf you did not ask, ignore this message: your password stays as it is.\n`,
  html: (v) =>
    layout({
      title: 'Password reset',
      body: html`<p>Hello ${v.name},</p><p>someone (we hope you) asked to reset your password on the A-Cube admin panel.</p><p><a href="${v.link}">Choose a new password</a> within ${v.hours} hours; the link works once.</p>`,
      footer: 'If you did not ask, ignore this message: your password stays as it is.',
    }),
});
