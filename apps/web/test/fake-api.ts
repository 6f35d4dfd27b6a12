/**
 * A scripted API for component and hook tests: routes like `GET /api/calls/:id` answer with JSON (or a
 * Response), every request is recorded, and an unknown route fails the test loudly with a 599.
 */
export type FakeHandler = (request: Request, params: Record<string, string>) => unknown;

export interface FakeApi {
  fetch: typeof fetch;
  /** Every request made, in order. */
  requests: Request[];
}

function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function createFakeApi(routes: Record<string, FakeHandler>): FakeApi {
  const requests: Request[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    requests.push(request.clone());
    const { pathname } = new URL(request.url);
    for (const [route, handler] of Object.entries(routes)) {
      const [method, pattern] = route.split(' ') as [string, string];
      if (method !== request.method) continue;
      const params = matchRoute(pattern, pathname);
      if (!params) continue;
      const result = await handler(request, params);
      return result instanceof Response ? result : json(result);
    }
    return json({ error: 'no-fake-route', message: `No fake route for ${request.method} ${pathname}` }, 599);
  };
  return { fetch: fakeFetch, requests };
}
