// Argo's descriptions run to whole paragraphs (Quantity's is 2 KB); the generated files keep a summary so
// they stay readable, and the full text stays one lookup away in schema.json.
const maxSummaryLength = 180;
const wrapWidth = 100;

/** Drops kubebuilder/protobuf markers (`+optional`, `+listType=atomic`) that are instructions, not prose. */
function dropMarkers(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\+/.test(line))
    .join('\n');
}

/** Cuts at a word boundary, marking the cut. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** Reduces a description to its first sentences that fit in `maxSummaryLength` characters of one paragraph. */
export function summarizeDescription(text: string | undefined): string {
  if (text === undefined) return '';
  const paragraph = dropMarkers(text).trim().split(/\n\s*\n/)[0] ?? '';
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  // A sentence ends at `.`, `!` or `?` followed by a capital, so `e.g. foo` and `time.Time` stay whole.
  const sentences = flat.split(/(?<=[.!?])\s+(?=[A-Z])/);
  let summary = '';
  for (const sentence of sentences) {
    const next = summary === '' ? sentence : `${summary} ${sentence}`;
    if (next.length > maxSummaryLength) break;
    summary = next;
  }
  return summary === '' ? truncate(flat, maxSummaryLength) : summary;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Renders a summary as a JSDoc block at `indent`, or `''` when there is nothing to say. */
export function toDocComment(text: string | undefined, indent = ''): string {
  const summary = summarizeDescription(text).replaceAll('*/', '*\\/');
  if (summary === '') return '';
  if (summary.length <= wrapWidth) return `${indent}/** ${summary} */\n`;
  const body = wrap(summary, wrapWidth).map((line) => `${indent} * ${line}\n`);
  return `${indent}/**\n${body.join('')}${indent} */\n`;
}
