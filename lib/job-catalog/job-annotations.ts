import type { ObjectMetaLike } from '../k8s/object';

/** The annotation that files a job in a folder: `team-a/backend`, nested by `/`, kept in Git with the template. */
export const FOLDER_ANNOTATION = 'capstan.io/folder';
const titleAnnotation = 'workflows.argoproj.io/title';
const descriptionAnnotation = 'workflows.argoproj.io/description';

/** A folder path without empty or surrounding-space segments: ` a//b/ ` is `a/b`; none is ``. */
export function normaliseFolder(path: string | undefined): string {
  return (path ?? '').split('/').map((s) => s.trim()).filter(Boolean).join('/');
}

/** What the pages show about a job from its annotations: a title (the name when none), description, folder. */
export function describeJob(metadata: ObjectMetaLike): { title: string; description: string; folder: string } {
  const annotations = metadata.annotations ?? {};
  return {
    title: annotations[titleAnnotation]?.trim() || metadata.name || '',
    description: annotations[descriptionAnnotation]?.trim() ?? '',
    folder: normaliseFolder(annotations[FOLDER_ANNOTATION]),
  };
}
