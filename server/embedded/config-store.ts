import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Document, parseAllDocuments, stringify } from 'yaml';
import { ApiError, GrpcCode } from '@/lib/api-error';
import { type ConfigKind, type ConfigObjectView, maskSecret, mergeSecretValues, validateConfigObject } from '@/lib/config-objects/config-object';

interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  type?: string;
}

interface Found {
  file: string;
  docs: Document[];
  index: number;
  manifest: Manifest;
}

const holdsSecret = (docs: Document[]) => docs.some((d) => (d.toJS() as Manifest | null)?.kind === 'Secret');

// Documents after the first need a `---` marker; one read from a file may already carry its own.
const joinDocuments = (docs: Document[]) =>
  docs.map((d, i) => {
    const text = d.toString();
    return i === 0 || text.startsWith('---') ? text : `---\n${text}`;
  }).join('');

const decode = (manifest: Manifest): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(manifest.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')])),
  ...(manifest.stringData ?? {}),
});

/**
 * Embedded mode's ConfigMaps and Secrets, edited through the API: the same `*.yaml` manifests in `<data dir>/config`
 * that DirectoryConfigSource reads for workflows (so an edit applies to the next workflow without a restart), and
 * that people may also edit by hand. An object keeps living in the file it was found in, other documents of that
 * file untouched; a new one gets a file of its own. Secret values are written base64 in `data`, files with
 * Secrets are readable by their owner only, and no read here ever returns a Secret's values.
 */
export class ConfigStore {
  constructor(readonly dir: string) {}

  private async files(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async all(kind: ConfigKind): Promise<Found[]> {
    const found: Found[] = [];
    for (const file of await this.files()) {
      const docs = parseAllDocuments(await readFile(join(this.dir, file), 'utf8'));
      if (!Array.isArray(docs)) continue;
      docs.forEach((doc, index) => {
        if (doc.errors.length) throw new ApiError(GrpcCode.FailedPrecondition, `${join(this.dir, file)}: ${doc.errors[0]!.message}`);
        const manifest = doc.toJS() as Manifest | null;
        if (manifest?.kind === kind && manifest.metadata?.name) found.push({ file, docs, index, manifest });
      });
    }
    return found;
  }

  private async find(kind: ConfigKind, namespace: string, name: string): Promise<Found | undefined> {
    const matches = (await this.all(kind)).filter((f) => f.manifest.metadata?.name === name);
    // One in this namespace wins over one for every namespace, as DirectoryConfigSource reads them.
    return matches.find((f) => f.manifest.metadata?.namespace === namespace) ?? matches.find((f) => !f.manifest.metadata?.namespace);
  }

  private view(kind: ConfigKind, found: Found): ConfigObjectView {
    const { metadata = {} } = found.manifest;
    const base = { kind, name: metadata.name ?? '', ...(metadata.namespace ? { namespace: metadata.namespace } : {}), file: found.file };
    return kind === 'Secret' ? { ...base, ...maskSecret(decode(found.manifest)) } : { ...base, data: found.manifest.data ?? {} };
  }

  /** The objects of a kind that apply to a namespace (their own and those without a namespace), by name. */
  async list(kind: ConfigKind, namespace: string): Promise<ConfigObjectView[]> {
    const found = (await this.all(kind)).filter((f) => !f.manifest.metadata?.namespace || f.manifest.metadata.namespace === namespace);
    return found.map((f) => this.view(kind, f)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(kind: ConfigKind, namespace: string, name: string): Promise<ConfigObjectView> {
    const found = await this.find(kind, namespace, name);
    if (!found) throw new ApiError(GrpcCode.NotFound, `${kind} ${namespace}/${name} not found`);
    return this.view(kind, found);
  }

  /**
   * Creates or replaces an object. For a Secret a key whose value is `null` keeps its saved value (see
   * mergeSecretValues). Returns what `get` returns: for a Secret, never the values.
   */
  async put(kind: ConfigKind, namespace: string, name: string, data: Record<string, string | null>): Promise<ConfigObjectView> {
    validateConfigObject(kind, name, Object.keys(data));
    const found = await this.find(kind, namespace, name);
    let values: Record<string, string>;
    if (kind === 'Secret') values = mergeSecretValues(found ? decode(found.manifest) : {}, data, name);
    else {
      const nulls = Object.entries(data).filter(([, v]) => v === null).map(([k]) => k);
      if (nulls.length) throw new ApiError(GrpcCode.InvalidArgument, `ConfigMap ${name}: give every key a string value (${nulls.join(', ')} has none)`);
      values = data as Record<string, string>;
    }
    const metadata = { ...(found?.manifest.metadata ?? {}), name, ...(found?.manifest.metadata?.namespace || !found ? { namespace } : {}) };
    const manifest: Manifest = kind === 'Secret'
      ? { apiVersion: 'v1', kind, metadata, type: found?.manifest.type ?? 'Opaque', data: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')])) }
      : { apiVersion: 'v1', kind, metadata, data: values };
    if (found) {
      // The edited object is written anew (comments inside it are lost); the file's other documents stay as they were.
      const doc = found.docs[found.index]!;
      doc.contents = doc.createNode(manifest) as never;
      await this.write(found.file, joinDocuments(found.docs), holdsSecret(found.docs));
      return this.view(kind, { ...found, manifest });
    }
    const file = `${kind.toLowerCase()}-${namespace}-${name}.yaml`;
    await this.write(file, stringify(manifest), kind === 'Secret');
    return this.view(kind, { file, docs: [], index: 0, manifest });
  }

  async delete(kind: ConfigKind, namespace: string, name: string): Promise<void> {
    const found = await this.find(kind, namespace, name);
    if (!found) throw new ApiError(GrpcCode.NotFound, `${kind} ${namespace}/${name} not found`);
    const rest = found.docs.filter((_, i) => i !== found.index);
    if (rest.every((d) => d.contents === null)) await rm(join(this.dir, found.file));
    else await this.write(found.file, joinDocuments(rest), holdsSecret(rest));
  }

  // Written beside and renamed over, so a reader (a workflow starting now) never sees half a file.
  private async write(file: string, text: string, secret: boolean): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, file);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: secret ? 0o600 : 0o644 });
    if (secret) await chmod(temporary, 0o600);
    await rename(temporary, path);
  }
}
