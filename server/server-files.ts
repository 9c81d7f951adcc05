/**
 * Files shipped beside the server's code (sample templates, image tool scripts), found the same way whether the server
 * runs from sources (this module is server/server-files.ts) or bundled (every module is dist/main.mjs, and the files
 * sit under ../server/ from it: in a checkout, and in the container image, which keeps that layout).
 */
const here = new URL('.', import.meta.url);
const serverDir = here.pathname.endsWith('/server/') ? here : new URL('../server/', import.meta.url);

/** URL of a file under server/, e.g. `serverFile('samples/')`. */
export function serverFile(pathUnderServer: string): URL {
  return new URL(pathUnderServer, serverDir);
}
