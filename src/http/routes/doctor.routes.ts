import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DoctorQuery, DoctorReport } from '../../contract/doctor.schema';
import type { Services } from '../../services';

/** GET /admin/doctor: the invariant checks of `numberyard doctor`, for administrator keys. */
export const doctorRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get('/admin/doctor', { schema: { operationId: 'GetDoctorReport', querystring: DoctorQuery, response: { 200: DoctorReport } } }, (request) => {
    const query = request.query;
    return services.doctor.examineAs(request.caller, {
      ...(query['stuck-order-minutes'] !== undefined ? { stuckOrderAfterMs: query['stuck-order-minutes'] * 60_000 } : {}),
      ...(query['max-examples'] !== undefined ? { maxExamples: query['max-examples'] } : {}),
    });
  });
};
