import type { Request, RequestHandler, Response } from 'express';

export type HeaderList = readonly (readonly [string, string])[];

/**
 * The headers `middleware` sets when it answers nothing itself and reads nothing of the
 * request but what `req` gives; recorded once, so a middleware whose headers never vary
 * (helmet's, CORS's for any origin) costs a loop of `setHeader` per request.
 */
export function recordHeaders(middleware: RequestHandler, req: Partial<Request>): HeaderList {
  const headers: [string, string][] = [];
  const recorder = {
    getHeader: (name: string) => headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1],
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let passed = false;
  void middleware(req as Request, recorder as unknown as Response, () => (passed = true));
  if (!passed) throw new Error('the middleware did not pass the request on at once; its headers cannot be recorded');
  return headers;
}

export function setHeaders(res: Response, headers: HeaderList): void {
  for (const [name, value] of headers) res.setHeader(name, value);
}
