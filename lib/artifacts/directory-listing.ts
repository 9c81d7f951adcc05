import { escapeMarkup } from './escape-markup';

/** The entries of one directory level from paths under it: files by name, sub-directories once, with a `/`. */
export function toDirectoryEntries(paths: string[]): string[] {
  const entries = new Set<string>();
  for (const path of paths) {
    if (!path) continue;
    const slash = path.indexOf('/');
    entries.add(slash === -1 ? path : `${path.slice(0, slash)}/`);
  }
  return [...entries].sort();
}

// Read in the dashboard's sandboxed preview frame, where the browser's default serif list looked unfinished. The
// artifact endpoints' CSP allows inline styles and nothing else, so the page stays a plain list of links.
const listingStyle = [
  'body{margin:0;padding:8px 0;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#0f172a;background:#fff}',
  'ul{list-style:none;margin:0;padding:0}',
  'li a{display:block;padding:3px 14px;color:#1d4ed8;text-decoration:none}',
  'li a:hover{background:#eff6ff;text-decoration:underline}',
  // Icons drawn in CSS (a page outline for files, a filled tab for folders): no emoji font is needed.
  'li a::before{content:"";display:inline-block;vertical-align:-1px;width:8px;height:11px;margin-right:9px;border:1.5px solid #94a3b8;border-radius:1px}',
  'li a[href$="/"]::before,li a[href=".."]::before{width:12px;height:9px;border-color:#d97706;background:#fbbf24;border-radius:2px}',
].join('');

/**
 * argo-server's directory page: a list of links relative to the directory (`./name`, so a file named
 * `javascript:…` stays a path), every name HTML-escaped.
 */
export function renderDirectoryListing(entries: string[]): string {
  const items = entries.map((entry) => {
    const href = `./${entry.split('/').map((part) => encodeURIComponent(part)).join('/')}`;
    return `<li><a href="${escapeMarkup(href)}">${escapeMarkup(entry)}</a></li>\n`;
  });
  return `<html><head><meta charset="utf-8"><style>${listingStyle}</style></head><body><ul>\n<li><a href="..">..</a></li>\n${items.join('')}</ul></body></html>`;
}
