/** A route handler's GET, as the App Router calls it. */
export type GetHandler = (request: Request) => Promise<Response>;

/**
 * Asks one of Capstan's own API routes a question inside a page's request, with that request's headers (so its
 * credentials and RBAC apply unchanged), and returns the answer's JSON text as the browser would receive it, or
 * undefined when the route refuses or fails: the page then lets the browser ask (docs/build-history.md, *Speed with
 * 1,000 jobs*). `path` is the API path under the base href, as `apiFetch` takes it.
 */
export async function answerInPage(handler: GetHandler, path: string, headers: Headers): Promise<string | undefined> {
  try {
    const response = await handler(new Request(new URL(path, 'http://capstan.page/'), { headers }));
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}
