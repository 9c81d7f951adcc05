'use client';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { type AnsiColour, type AnsiStyle, parseAnsi } from '@/lib/logs/ansi';
import { findMatches } from '@/lib/logs/log-lines';

// The 16 named colours, readable on the viewer's dark background.
const palette = [
  '#4b5563', '#f87171', '#4ade80', '#facc15', '#60a5fa', '#e879f9', '#22d3ee', '#e5e7eb',
  '#9ca3af', '#fca5a5', '#86efac', '#fde047', '#93c5fd', '#f0abfc', '#67e8f9', '#ffffff',
];
const cube = [0, 95, 135, 175, 215, 255];

/** A CSS colour for an ANSI colour: the palette, the 6×6×6 cube, or the 24-step grey ramp. */
function cssColour(colour: AnsiColour): string {
  if ('rgb' in colour) return colour.rgb;
  const i = colour.index;
  if (i < 16) return palette[i] ?? palette[7]!;
  if (i < 232) {
    const n = i - 16;
    return `rgb(${cube[Math.floor(n / 36)]},${cube[Math.floor(n / 6) % 6]},${cube[n % 6]})`;
  }
  const grey = 8 + (i - 232) * 10;
  return `rgb(${grey},${grey},${grey})`;
}

function toCss(style: AnsiStyle): CSSProperties | undefined {
  if (Object.keys(style).length === 0) return undefined;
  let fg = style.fg ? cssColour(style.fg) : undefined;
  let bg = style.bg ? cssColour(style.bg) : undefined;
  if (style.inverse) [fg, bg] = [bg ?? '#0f172a', fg ?? '#e2e8f0'];
  const decorations = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ');
  return {
    color: fg,
    backgroundColor: bg,
    fontWeight: style.bold ? 700 : undefined,
    opacity: style.dim ? 0.7 : undefined,
    fontStyle: style.italic ? 'italic' : undefined,
    textDecoration: decorations || undefined,
  };
}

/** A log line with its ANSI colours, and the search matches highlighted across colour runs. */
export const AnsiText = memo(function AnsiText({ text, search }: { text: string; search: string }) {
  const { segments } = parseAnsi(text);
  const plain = segments.map((s) => s.text).join('');
  const matches = findMatches(plain, search);
  const out: ReactNode[] = [];
  let offset = 0;
  let m = 0;
  segments.forEach((segment, s) => {
    const css = toCss(segment.style);
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (m < matches.length && matches[m]![1] <= at) m++;
      const match = matches[m];
      const inMatch = match !== undefined && match[0] <= at;
      const stop = Math.min(end, match ? (inMatch ? match[1] : match[0]) : end);
      const piece = plain.slice(at, stop);
      out.push(inMatch
        ? <mark key={`${s}-${at}`} className="rounded-sm bg-amber-300 text-slate-950">{piece}</mark>
        : <span key={`${s}-${at}`} style={css}>{piece}</span>);
      at = stop;
    }
    offset = end;
  });
  return <>{out}</>;
});
