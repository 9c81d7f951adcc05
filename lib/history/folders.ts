/** A folder of jobs; `jobCount` includes its sub-folders. */
export interface Folder {
  name: string;
  path: string;
  jobCount: number;
  children: Folder[];
}

/** A folder path as written in `capstan.io/folder`, normalised: no empty segments or outer slashes. */
export function normaliseFolder(text: string | undefined): string {
  return (text ?? '').split('/').map((s) => s.trim()).filter(Boolean).join('/');
}

/** Whether a job's folder is `folder` or inside it ("" is the root, which holds everything). */
export function isInFolder(jobFolder: string, folder: string): boolean {
  return folder === '' || jobFolder === folder || jobFolder.startsWith(`${folder}/`);
}

/** The folder tree of the jobs' folders, sorted by name; jobs at the root are in no folder. */
export function folderTree(jobFolders: string[]): Folder[] {
  const root: Folder = { name: '', path: '', jobCount: 0, children: [] };
  for (const path of jobFolders) {
    let at = root;
    for (const segment of path ? path.split('/') : []) {
      const childPath = at.path ? `${at.path}/${segment}` : segment;
      let child = at.children.find((c) => c.name === segment);
      if (!child) {
        child = { name: segment, path: childPath, jobCount: 0, children: [] };
        at.children.push(child);
      }
      child.jobCount++;
      at = child;
    }
  }
  const sort = (folders: Folder[]): Folder[] =>
    folders.sort((a, b) => a.name.localeCompare(b.name)).map((f) => ({ ...f, children: sort(f.children) }));
  return sort(root.children);
}
