// Bookings: the public request (policy `public`), the person's private link (answered with the
// private headers: no-store, no-referrer, noindex), and the seed's GET/PATCH routes, which
// expose personal and health data and so require an admin here.
import { auditContext } from '@campus/platform/audit';
import { errorResponses, privateHeaders } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BotCheckHeaders, requireBotCheck } from '../abuse/index.ts';
import { listAnswer } from '../listing/index.ts';
import type { BookingsContext } from './bookings.context.ts';
import type { BookingListRow, BookingRow } from './bookings.repository.ts';
import {
  AdminBooking,
  BookBody,
  BookingListItem,
  BookingPage,
  BookingParams,
  BookResponse,
  ListBookingsQuery,
  ManageBody,
  ManageQuery,
  OwnBooking,
  StatusBody,
} from './bookings.schemas.ts';
import { appointmentView } from './use-cases/appointment-rules.ts';
import { cancelOwnBooking } from './use-cases/cancel-own-booking.ts';
import { changeBookingStatus } from './use-cases/change-booking-status.ts';
import { findBookings } from './use-cases/find-bookings.ts';
import { getOwnBooking } from './use-cases/get-own-booking.ts';
import { readBooking } from './use-cases/read-booking.ts';
import { requestBooking } from './use-cases/request-booking.ts';

const STAFF = ['staff', 'superadmin'] as const;

const own = (b: BookingRow) => ({
  reference: b.reference,
  name: b.name,
  session_type: b.sessionType,
  preferred_date: b.preferredDate,
  preferred_time: b.preferredTime,
  status: b.status,
  created_at: b.createdAt.toISOString(),
  appointment: appointmentView(b),
});

export const forAdmin = (b: BookingRow) => ({
  id: b.id,
  reference: b.reference,
  name: b.name,
  email: b.email,
  phone: b.phone,
  session_type: b.sessionType,
  preferred_date: b.preferredDate,
  preferred_time: b.preferredTime,
  message: b.message,
  status: b.status,
  created_at: b.createdAt.toISOString(),
  updated_at: b.updatedAt.toISOString(),
  appointment: appointmentView(b),
});

/** A booking after a change: as the list shows it, without the message (only reading it is audited). */
export const changed = ({ message, ...b }: BookingRow) => listed({ ...b, hasMessage: message !== '' });

const listed = (b: BookingListRow) => ({
  id: b.id,
  reference: b.reference,
  name: b.name,
  email: b.email,
  phone: b.phone,
  session_type: b.sessionType,
  preferred_date: b.preferredDate,
  preferred_time: b.preferredTime,
  has_message: b.hasMessage,
  status: b.status,
  created_at: b.createdAt.toISOString(),
  updated_at: b.updatedAt.toISOString(),
  appointment: appointmentView(b),
});

export const bookingsRoutes: FastifyPluginAsyncTypebox<{ ctx: BookingsContext }> = async (app, { ctx }) => {
  app.addSchema(AdminBooking);

  app.post(
    '/book',
    {
      config: { rateLimit: 'public', access: 'public' },
      preHandler: requireBotCheck(app),
      schema: {
        tags: ['bookings'],
        summary: 'Request a therapy session (with a solved bot check); a private link to it is e-mailed',
        headers: BotCheckHeaders,
        body: BookBody,
        response: { 201: BookResponse, 200: BookResponse, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { booking, created } = await requestBooking(
        { ...ctx, log: request.log, mailCap: app.publicMailCap },
        { body: request.body, who: auditContext(request) },
      );
      return reply.code(created ? 201 : 200).send({
        reference: booking.reference,
        status: booking.status,
        message: created
          ? 'Thank you: your request is received. We have e-mailed you a private link to view or cancel it.'
          : 'We already have this request: nothing was sent twice.',
        repeat: !created,
      });
    },
  );

  app.get(
    '/manage',
    {
      config: { rateLimit: 'public', access: 'public' },
      onRequest: privateHeaders,
      schema: {
        tags: ['bookings'],
        summary: 'Your own request, through the private link',
        querystring: ManageQuery,
        response: { 200: OwnBooking, ...errorResponses(400, 404) },
      },
    },
    async (request) => own(await getOwnBooking(ctx, { token: request.query.token })),
  );

  app.post(
    '/manage/cancel',
    {
      config: { rateLimit: 'public', access: 'public' },
      onRequest: privateHeaders,
      schema: {
        tags: ['bookings'],
        summary: 'Cancel your own request, with the token of the private link',
        body: ManageBody,
        response: { 200: OwnBooking, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      own(
        await cancelOwnBooking(
          { ...ctx, log: request.log },
          { token: request.body.token, who: auditContext(request) },
        ),
      ),
  );

  app.get(
    '/',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary: 'Bookings: filtered, sorted, paged and counted, without message text (admins)',
        querystring: ListBookingsQuery,
        response: { 200: BookingPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAnswer(await findBookings(ctx, request.query), request.query.page, listed),
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary: 'One booking with its message (admins); each reading is audited',
        params: BookingParams,
        response: { 200: Type.Ref('AdminBooking'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      forAdmin(await readBooking(ctx, { id: request.params.id, who: auditContext(request) })),
  );

  app.patch(
    '/:id/status',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary: 'Change a booking status (admins); audited. The answer leaves the message out',
        params: BookingParams,
        body: StatusBody,
        response: { 200: BookingListItem, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      changed(
        await changeBookingStatus(
          { ...ctx, log: request.log },
          { id: request.params.id, status: request.body.status, who: auditContext(request) },
        ),
      ),
  );
};
