// Staff set, move and cancel a booking's appointment (under /api/sessions). Each answers the
// booking as the admin views show it; the person is mailed with a calendar file.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppointmentBody } from './bookings.appointment.schemas.ts';
import type { BookingsContext } from './bookings.context.ts';
import { changed } from './bookings.routes.ts';
import { AdminBooking, BookingListItem, BookingParams } from './bookings.schemas.ts';
import { cancelAppointment } from './use-cases/cancel-appointment.ts';
import { setAppointment } from './use-cases/set-appointment.ts';

const STAFF = ['staff', 'superadmin'] as const;

export const appointmentRoutes: FastifyPluginAsyncTypebox<{ ctx: BookingsContext }> = async (
  app,
  { ctx },
) => {
  // Its own encapsulated context: the booking's shape is declared here too.
  app.addSchema(AdminBooking);

  app.put(
    '/:id/appointment',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary:
          'Confirm a booking with an appointment, or move the one it has (admins); mails the person an .ics; audited',
        params: BookingParams,
        body: AppointmentBody,
        response: { 200: BookingListItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changed(
        await setAppointment(
          { ...ctx, log: request.log },
          { id: request.params.id, body: request.body, who: auditContext(request) },
        ),
      ),
  );

  app.delete(
    '/:id/appointment',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['bookings'],
        summary:
          "Cancel a booking's appointment (admins): the booking is cancelled and the person mailed; audited",
        params: BookingParams,
        response: { 200: BookingListItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changed(
        await cancelAppointment(
          { ...ctx, log: request.log },
          { id: request.params.id, who: auditContext(request) },
        ),
      ),
  );
};
