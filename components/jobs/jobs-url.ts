/** The jobs home showing one folder. */
export function foldersHref(folder: string): string {
  return folder ? `/jobs?folder=${encodeURIComponent(folder)}` : '/jobs';
}
