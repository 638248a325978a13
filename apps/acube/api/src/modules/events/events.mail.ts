// The events feature's mails: a registration received (confirmed or waiting), a promotion from
// the waiting list, an event cancelled. Event titles are public already; links are private. A
// promotion mail brings a link of its own and says the first mail's link still works.
import { defineTemplate, html, layout } from '@campus/platform/mail';

export interface RegistrationMailValues {
  name: string;
  eventTitle: string;
  startsAt: string;
  status: 'confirmed' | 'waiting';
  position: number | null;
  link: string;
}

const statusLine = (v: RegistrationMailValues) =>
  v.status === 'confirmed'
    ? 'Your place is confirmed.'
    : `The event is full: you are number ${v.position} on the waiting list. We will write as soon as a place frees up.`;

export const registrationReceived = defineTemplate<RegistrationMailValues>({
  name: 'registration-received',
  subject: (v) =>
    v.status === 'confirmed' ? `You are registered: ${v.eventTitle}` : `Waiting list: ${v.eventTitle}`,
  text: (v) =>
    `Hello ${v.name},\n\n${statusLine(v)}\n\n${v.eventTitle}, ${v.startsAt}\n\nSee or cancel your registration: ${v.link}\n\nKeep this e-mail: the link stays yours, also if you get a place from the waiting list.\n`,
  html: (v) =>
    layout({
      title: v.eventTitle,
      body: html`<p>Hello ${v.name},</p><p>${statusLine(v)}</p><p><strong>${v.eventTitle}</strong>, ${v.startsAt}</p><p><a href="${v.link}">See or cancel your registration</a></p><p>Keep this e-mail: the link stays yours, also if you get a place from the waiting list.</p>`,
    }),
});

export const registrationPromoted = defineTemplate<{
  name: string;
  eventTitle: string;
  startsAt: string;
  link: string;
}>({
  name: 'registration-promoted',
  subject: (v) => `A place is free for you: ${v.eventTitle}`,
  text: (v) =>
    `Hello ${v.name},\n\na place has freed up: your registration is now confirmed.\n\n${v.eventTitle}, ${v.startsAt}\n\nSee or cancel your registration: ${v.link}\n\nThe link in the first e-mail we sent you still works too.\n`,
  html: (v) =>
    layout({
      title: v.eventTitle,
      body: html`<p>Hello ${v.name},</p><p>A place has freed up: your registration is now <strong>confirmed</strong>.</p><p><strong>${v.eventTitle}</strong>, ${v.startsAt}</p><p><a href="${v.link}">See or cancel your registration</a></p><p>The link in the first e-mail we sent you still works too.</p>`,
    }),
});

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
