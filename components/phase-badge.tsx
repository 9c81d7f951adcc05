const styles: Record<string, string> = {
  Succeeded: 'bg-emerald-100 text-emerald-800',
  Failed: 'bg-rose-100 text-rose-800',
  Error: 'bg-rose-100 text-rose-800',
  Running: 'bg-sky-100 text-sky-800',
  Pending: 'bg-amber-100 text-amber-800',
};

/** A workflow's phase as a coloured pill; "Pending" when the controller has not seen it yet. */
export function PhaseBadge({ phase }: { phase: string | undefined }) {
  const label = phase || 'Pending';
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${styles[label] ?? 'bg-slate-100 text-slate-700'}`}>
      {label}
    </span>
  );
}
