type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response> | Response;

/**
 * A handler of the `{name}` route for a static segment that shadows it: Next.js routes `/workflows/ns/lint` to the
 * `lint` folder, so a workflow named `lint` (or `submit`) would be unreachable. The static route exports these for
 * the methods it does not own, and argo-server's `{name}` paths answer as for any other name.
 */
export function asNamed<P extends { name: string }>(handler: Handler<P>, name: string) {
  return (request: Request, context: { params: Promise<Omit<P, 'name'>> }) =>
    handler(request, { params: context.params.then((params) => ({ ...params, name }) as P) });
}
