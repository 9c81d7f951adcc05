const types: Record<string, string> = {
  html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', txt: 'text/plain; charset=utf-8', log: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json', xml: 'application/xml',
  yaml: 'application/yaml', yml: 'application/yaml', css: 'text/css', js: 'text/javascript',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
  pdf: 'application/pdf', tgz: 'application/gzip', gz: 'application/gzip', zip: 'application/zip', tar: 'application/x-tar',
};

/** The Content-Type for a file name, by extension as Go's mime.TypeByExtension; unknown ones are bytes. */
export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot === -1 ? undefined : types[name.slice(dot + 1).toLowerCase()]) ?? 'application/octet-stream';
}

/** How the dashboard can preview a file: as text, JSON, an image, an HTML page, or not at all. */
export type PreviewKind = 'text' | 'json' | 'image' | 'html' | 'none';

export function previewKindOf(name: string): PreviewKind {
  const type = contentTypeOf(name);
  if (type.startsWith('text/html')) return 'html';
  if (type === 'application/json') return 'json';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('text/') || type === 'application/yaml' || type === 'application/xml') return 'text';
  return 'none';
}
