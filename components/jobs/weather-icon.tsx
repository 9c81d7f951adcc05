import type { Health, Weather } from '../queries/history-types';

const labels: Record<Weather, string> = {
  sunny: 'Stable: 80% or more of the last builds succeeded',
  'partly-sunny': '60–79% of the last builds succeeded',
  cloudy: '40–59% of the last builds succeeded',
  rain: '20–39% of the last builds succeeded',
  storm: 'Less than 20% of the last builds succeeded',
  none: 'Not built yet',
};

const sun = <g><circle cx="10" cy="10" r="4" fill="#f59e0b" /><g stroke="#f59e0b" strokeWidth="1.6" strokeLinecap="round">{[0, 45, 90, 135, 180, 225, 270, 315].map((a) => <line key={a} x1="10" y1="2.2" x2="10" y2="3.8" transform={`rotate(${a} 10 10)`} />)}</g></g>;
const cloud = (fill: string, dy = 0) => <path d={`M5.5 ${15 + dy}h9a3 3 0 0 0 .3-6A4.5 4.5 0 0 0 6.2 ${9.5 + dy}a2.8 2.8 0 0 0-.7 ${5.5}z`} fill={fill} />;

/** Jenkins' weather for a job's recent builds, with the score as its accessible name. */
export function WeatherIcon({ health, size = 20 }: { health: Health; size?: number }) {
  const title = health.weather === 'none' ? labels.none : `${labels[health.weather]} (${health.score}%)`;
  let art;
  switch (health.weather) {
    case 'sunny': art = sun; break;
    case 'partly-sunny': art = <><g transform="translate(-3 -3) scale(0.85)">{sun}</g>{cloud('#cbd5e1', 1)}</>; break;
    case 'cloudy': art = <>{cloud('#94a3b8', -2)}<g transform="translate(2 2)">{cloud('#cbd5e1')}</g></>; break;
    case 'rain': art = <>{cloud('#64748b', -3)}<g stroke="#0ea5e9" strokeWidth="1.5" strokeLinecap="round"><line x1="7" y1="14.5" x2="6" y2="17.5" /><line x1="10.5" y1="14.5" x2="9.5" y2="17.5" /><line x1="14" y1="14.5" x2="13" y2="17.5" /></g></>; break;
    case 'storm': art = <>{cloud('#475569', -3)}<path d="M10.5 12.5 8 16h2.5l-1 3.5 3.5-4.5h-2.5l1-2.5z" fill="#facc15" /></>; break;
    default: art = <circle cx="10" cy="10" r="6" fill="none" stroke="#cbd5e1" strokeWidth="1.5" strokeDasharray="2 2" />;
  }
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" role="img" aria-label={title} data-weather={health.weather}>
      <title>{title}</title>
      {art}
    </svg>
  );
}
