/** What a status badge says about a job's last build. */
export interface BadgeStatus {
  text: string;
  colour: string;
}

/** The badge for the last build's phase (undefined: never built). */
export function badgeStatus(phase: string | undefined, number: number | undefined): BadgeStatus {
  const prefix = number !== undefined ? `#${number} ` : '';
  switch (phase) {
    case 'Succeeded': return { text: `${prefix}passing`, colour: '#2e7d32' };
    case 'Failed': return { text: `${prefix}failing`, colour: '#c62828' };
    case 'Error': return { text: `${prefix}error`, colour: '#c62828' };
    case 'Running': case 'Pending': case '': return { text: `${prefix}running`, colour: '#1565c0' };
    default: return { text: 'no builds', colour: '#757575' };
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

// Verdana 11px averages about 6.5 px per character: close enough for badge widths without measuring fonts.
const widthOf = (text: string) => Math.round(text.length * 6.5) + 12;

/** A shields.io-style flat badge: a grey label and a coloured status. */
export function renderBadge(label: string, status: BadgeStatus): string {
  const left = widthOf(label);
  const right = widthOf(status.text);
  const total = left + right;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${escape(label)}: ${escape(status.text)}">`,
    `<title>${escape(label)}: ${escape(status.text)}</title>`,
    `<rect width="${left}" height="20" rx="3" fill="#555"/>`,
    `<rect x="${left}" width="${right}" height="20" rx="3" fill="${status.colour}"/>`,
    `<rect x="${left}" width="4" height="20" fill="${status.colour}"/>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${left / 2}" y="14">${escape(label)}</text>`,
    `<text x="${left + right / 2}" y="14">${escape(status.text)}</text>`,
    `</g></svg>`,
  ].join('');
}
