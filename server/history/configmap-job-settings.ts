import { CoreV1Api, type KubeConfig, type V1ConfigMap } from '@kubernetes/client-node';
import type { JobRef } from '@/lib/history/job-ref';
import type { View } from '@/lib/history/views';
import { fromKubeError } from '../cluster/kube-errors';
import type { JobSettingsStore } from './job-settings-store';

const viewsName = 'capstan-views';
const favouritesName = 'capstan-favourites';
const attempts = 5;

// ConfigMap keys allow letters, digits, `-`, `_` and `.`; Kubernetes user names have `:` and `@`.
const userKey = (user: string) => Buffer.from(user, 'utf8').toString('base64url');

/**
 * Kubernetes mode keeps views and favourites in two ConfigMaps in Capstan's namespace (`capstan-views`, one key per
 * view id; `capstan-favourites`, one key per user), so they can be read, backed up and kept in Git like the
 * templates. Writes replace the ConfigMap at the version read and start again on a conflict.
 */
export class ConfigMapJobSettings implements JobSettingsStore {
  private readonly core: CoreV1Api;

  constructor(kubeConfig: KubeConfig, private readonly namespace: string) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  private async read(name: string): Promise<V1ConfigMap | undefined> {
    try {
      return await this.core.readNamespacedConfigMap({ name, namespace: this.namespace });
    } catch (error) {
      if ((error as { code?: number }).code === 404) return undefined;
      throw fromKubeError(error);
    }
  }

  /** Applies `change` to the ConfigMap's data and writes it, again on a conflict; `change` returning undefined writes nothing. */
  private async change(name: string, change: (data: Record<string, string>) => Record<string, string> | undefined): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(name);
      const data = change({ ...(current?.data ?? {}) });
      if (!data) return false;
      try {
        if (current) {
          await this.core.replaceNamespacedConfigMap({ name, namespace: this.namespace, body: { ...current, data } });
        } else {
          await this.core.createNamespacedConfigMap({
            namespace: this.namespace,
            body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'capstan' } }, data },
          });
        }
        return true;
      } catch (error) {
        if (attempt < attempts && (error as { code?: number }).code === 409) continue;
        throw fromKubeError(error);
      }
    }
  }

  async listViews(): Promise<View[]> {
    const data = (await this.read(viewsName))?.data ?? {};
    return Object.values(data).flatMap((text) => {
      try {
        return [JSON.parse(text) as View];
      } catch {
        return [];
      }
    }).sort((a, b) => a.name.localeCompare(b.name));
  }

  async getView(id: string): Promise<View | undefined> {
    const text = (await this.read(viewsName))?.data?.[id];
    return text ? (JSON.parse(text) as View) : undefined;
  }

  putView(view: View, create: boolean): Promise<boolean> {
    return this.change(viewsName, (data) => (create && data[view.id] ? undefined : { ...data, [view.id]: JSON.stringify(view) }));
  }

  deleteView(id: string): Promise<boolean> {
    return this.change(viewsName, (data) => {
      if (!(id in data)) return undefined;
      delete data[id];
      return data;
    });
  }

  async favourites(user: string): Promise<JobRef[]> {
    const text = (await this.read(favouritesName))?.data?.[userKey(user)];
    return text ? (JSON.parse(text) as { items: JobRef[] }).items : [];
  }

  async setFavourite(user: string, job: JobRef, on: boolean): Promise<void> {
    await this.change(favouritesName, (data) => {
      const key = userKey(user);
      const items = data[key] ? (JSON.parse(data[key]) as { items: JobRef[] }).items : [];
      const rest = items.filter((j) => !(j.kind === job.kind && j.namespace === job.namespace && j.name === job.name));
      if (on === items.length > rest.length) return undefined;
      const next = on ? [...rest, job].sort((a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace)) : rest;
      return { ...data, [key]: JSON.stringify({ user, items: next }) };
    });
  }
}
