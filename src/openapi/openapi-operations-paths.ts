type Json = Record<string, unknown>;

const STATUS_BODY: Json = {
  type: 'object',
  required: ['status'],
  properties: { status: { enum: ['UP', 'DOWN'] }, store: { enum: ['memory', 'mongodb'] } },
};

function statusResponse(description: string): Json {
  return { description, content: { 'application/json': { schema: STATUS_BODY } } };
}

/** `/health/live`, `/health/ready` and `/metrics`: answered before rate limiting and queueing. */
export function operationsPaths(): Json {
  const operation = (operationId: string, summary: string, responses: Json): Json => ({
    get: { tags: ['Operations'], operationId, summary, responses },
  });
  return {
    '/health/live': operation('getHealthLive', 'Liveness: the process answers', {
      '200': statusResponse('The process is up.'),
    }),
    '/health/ready': operation('getHealthReady', 'Readiness: the catalog store answers', {
      '200': statusResponse('The store answers.'),
      '503': statusResponse('The store does not answer (within 2 s).'),
    }),
    '/metrics': operation('getMetrics', 'Prometheus metrics', {
      '200': {
        description: 'Prometheus text exposition format.',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    }),
  };
}
