/** Colours of a phase: the icon's disc, a badge, and a minimap fill. Components only: lib/ knows no colours. */
export interface PhaseStyle {
  disc: string;
  badge: string;
  fill: string;
}

const styles: Record<string, PhaseStyle> = {
  Succeeded: { disc: 'bg-emerald-500 text-white', badge: 'bg-emerald-100 text-emerald-800', fill: '#10b981' },
  Failed: { disc: 'bg-rose-500 text-white', badge: 'bg-rose-100 text-rose-800', fill: '#f43f5e' },
  Error: { disc: 'bg-rose-500 text-white', badge: 'bg-rose-100 text-rose-800', fill: '#f43f5e' },
  Running: { disc: 'bg-sky-500 text-white', badge: 'bg-sky-100 text-sky-800', fill: '#0ea5e9' },
  Pending: { disc: 'bg-amber-400 text-white', badge: 'bg-amber-100 text-amber-800', fill: '#fbbf24' },
  Suspended: { disc: 'bg-violet-500 text-white', badge: 'bg-violet-100 text-violet-800', fill: '#8b5cf6' },
  Skipped: { disc: 'bg-slate-300 text-white', badge: 'bg-slate-100 text-slate-600', fill: '#cbd5e1' },
  Omitted: { disc: 'bg-slate-300 text-white', badge: 'bg-slate-100 text-slate-600', fill: '#cbd5e1' },
};

export function phaseStyle(phase: string): PhaseStyle {
  return styles[phase] ?? styles.Pending!;
}
