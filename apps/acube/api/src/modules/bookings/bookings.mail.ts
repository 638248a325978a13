// The booking e-mails. No session type in the subject and no free text from the request: only
// the name (escaped), the reference, the date and the private link.
import { defineTemplate, html, layout } from '@campus/platform/mail';

export interface BookingMailValues {
  name: string;
  reference: string;
  preferredDate: string;
  link: string;
}

export const bookingReceived = defineTemplate<BookingMailValues>({
  name: 'booking-received',
  subject: (v) => `Your request ${v.reference} has been received`,
  text: (v) =>
    [
      `Hello ${v.name},`,
      '',
      `we have received your request (${v.reference}) for ${v.preferredDate}. We will be in touch to confirm it.`,
      '',
      `View or cancel your request: ${v.link}`,
      '',
      'This link is private: anyone who has it can see and cancel the request.',
    ].join('\n'),
  html: (v) =>
    layout({
      title: 'Request received',
      body: html`<p>Hello ${v.name},</p><p>we have received your request (<strong>${v.reference}</strong>) for ${v.preferredDate}. We will be in touch to confirm it.</p><p><a href="${v.link}">View or cancel your request</a></p>`,
      footer: 'This link is private: anyone who has it can see and cancel the request.',
    }),
});

export const bookingCancelled = defineTemplate<{ name: string; reference: string }>({
  name: 'booking-cancelled',
  subject: (v) => `Your request ${v.reference} is cancelled`,
  text: (v) =>
    `Hello ${v.name},\n\nyour request ${v.reference} is cancelled. You can book again at any time.`,
  html: (v) =>
    layout({
      title: 'Request cancelled',
      body: html`<p>Hello ${v.name},</p><p>your request <strong>${v.reference}</strong> is cancelled. You can book again at any time.</p>`,
    }),
});
