// Bookings: the public request (policy `public`), the person's private link, and the seed's
// GET/PATCH routes, which expose personal and health data and so require an admin here.
import { auditContext } from '@campus/platform/audit/audit-log.ts';
import { notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { BookingRow } from './bookings.repository.ts';
import {
  AdminBooking,
  BookBody,
  BookingParams,
  BookResponse,
  ListBookingsQuery,
  ManageBody,
  ManageQuery,
  OwnBooking,
  StatusBody,
} from './bookings.schemas.ts';
import type { BookingsService } from './bookings.service.ts';

const STAFF = ['staff', 'superadmin'] as const;

const own = (b: BookingRow) => ({
  reference: b.reference,
  name: b.name,
  session_type: b.sessionType,
  preferred_date: b.preferredDate,
  preferred_time: b.preferredTime,
  status: b.status,
  created_at: b.createdAt.toISOString(),
});

const forAdmin = (b: BookingRow) => ({
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
});

export const bookingsRoutes: FastifyPluginAsyncTypebox<{ bookings: BookingsService }> = async (
  app,
  { bookings },
) => {
  app.addSchema(AdminBooking);

  app.post(
    '/book',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['bookings'],
        summary: 'Request a therapy session; a private link to it is e-mailed',
        body: BookBody,
        response: { 201: BookResponse, 200: BookResponse, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { booking, created } = await bookings.book(request.body, auditContext(request));
      request.log.info(
        { event: created ? 'booking.created' : 'booking.duplicate', bookingId: booking.id },
        'booking request',
      );
      return reply.code(created ? 201 : 200).send({
        reference: booking.reference,
        status: booking.status,
        message: created
          ? 'Thank you: your request is received. We have e-mailed you a private link to view or cancel it.'
          : 'We already have this request: nothing was sent twice.',
      });
    },
  );

  app.get(
    '/manage',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['bookings'],
        summary: 'Your own request, through the private link',
        querystring: ManageQuery,
        response: { 200: OwnBooking, ...errorResponses(400, 404) },
      },
    },
    async (request) => own(await bookings.findOwn(request.query.token)),
  );

  app.post(
    '/manage/cancel',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['bookings'],
        summary: 'Cancel your own request, with the token of the private link',
        body: ManageBody,
        response: { 200: OwnBooking, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const row = await bookings.cancelOwn(request.body.token, auditContext(request));
      request.log.info(
        { event: 'booking.cancelled', bookingId: row.id },
        'booking cancelled by the requester',
      );
      return own(row);
    },
  );

  app.get(
    '/',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary: 'Bookings, newest first (admins)',
        querystring: ListBookingsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('AdminBooking')),
            next_before: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      const rows = await bookings.repo.list({
        ...(status ? { status } : {}),
        ...(before ? { before: new Date(before) } : {}),
        limit,
      });
      return {
        items: rows.map(forAdmin),
        next_before: rows.length === limit ? (rows[rows.length - 1]?.createdAt.toISOString() ?? null) : null,
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary: 'One booking (admins)',
        params: BookingParams,
        response: { 200: Type.Ref('AdminBooking'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await bookings.repo.findById(request.params.id);
      if (!row) throw notFound('Booking');
      return forAdmin(row);
    },
  );

  app.patch(
    '/:id/status',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary: 'Change a booking status (admins); audited',
        params: BookingParams,
        body: StatusBody,
        response: { 200: Type.Ref('AdminBooking'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await bookings.setStatus(request.params.id, request.body.status, auditContext(request));
      request.log.info(
        { event: 'booking.status_changed', bookingId: row.id, status: row.status, by: request.principal?.id },
        'booking status changed',
      );
      return forAdmin(row);
    },
  );
};
