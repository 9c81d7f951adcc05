import { phaseStyle } from './phase-style';

const paths: Record<string, string> = {
  Succeeded: 'M4 8.5l2.5 2.5L12 5.5',
  Failed: 'M5 5l6 6M11 5l-6 6',
  Error: 'M8 4.5v4.5M8 11.5v.01',
  Suspended: 'M6 5v6M10 5v6',
  Skipped: 'M4 8h8',
  Omitted: 'M4 8h8',
  Pending: 'M8 5v3l2 1.5',
};

/** A phase as a coloured disc with a glyph; Running spins. */
export function PhaseIcon({ phase, size = 24 }: { phase: string; size?: number }) {
  const running = phase === 'Running';
  return (
    <span
      aria-hidden
      className={`inline-flex shrink-0 items-center justify-center rounded-full ${phaseStyle(phase).disc}`}
      style={{ width: size, height: size }}
    >
      <svg viewBox="0 0 16 16" width={size * 0.7} height={size * 0.7} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className={running ? 'animate-spin' : undefined}>
        {running ? <path d="M8 3a5 5 0 1 1-5 5" /> : <path d={paths[phase] ?? paths.Pending} />}
      </svg>
    </span>
  );
}

/** A node phase as a small pill. */
export function NodePhaseBadge({ phase }: { phase: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${phaseStyle(phase).badge}`}>{phase}</span>;
}
