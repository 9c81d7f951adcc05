/** The annotation on a job that says how many builds to keep (Jenkins' "max # of builds to keep"). */
export const buildsToKeepAnnotation = 'capstan.io/builds-to-keep';

/** How many builds a job keeps: its annotation when a positive integer, else the global default; undefined keeps all. */
export function buildsToKeep(annotations: Record<string, string> | undefined, globalDefault: number | undefined): number | undefined {
  const text = annotations?.[buildsToKeepAnnotation]?.trim();
  if (text && /^[1-9][0-9]*$/.test(text)) return Number(text);
  return globalDefault && globalDefault > 0 ? globalDefault : undefined;
}
