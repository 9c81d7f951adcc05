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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * argo-server's directory page: a list of links relative to the directory (`./name`, so a file named
 * `javascript:…` stays a path), every name HTML-escaped.
 */
export function renderDirectoryListing(entries: string[]): string {
  const items = entries.map((entry) => {
    const href = `./${entry.split('/').map((part) => encodeURIComponent(part)).join('/')}`;
    return `<li><a href="${escapeHtml(href)}">${escapeHtml(entry)}</a></li>\n`;
  });
  return `<html><body><ul>\n<li><a href="..">..</a></li>\n${items.join('')}</ul></body></html>`;
}
