/** The label that ties a workflow (and its pods) to one controller instance. */
export const instanceIdLabel = 'workflows.argoproj.io/controller-instanceid';

/** Whether an object belongs to this instance: its label equals the ID, or with no ID it has no such label. */
export function belongsToInstance(labels: Record<string, string> | undefined, instanceID: string): boolean {
  const value = labels?.[instanceIdLabel];
  return instanceID ? value === instanceID : value === undefined;
}

/** Labels with the instance ID set (or removed when there is none), as argo-server labels what it creates. */
export function withInstanceId(labels: Record<string, string> | undefined, instanceID: string): Record<string, string> | undefined {
  if (instanceID) return { ...(labels ?? {}), [instanceIdLabel]: instanceID };
  if (!labels || !(instanceIdLabel in labels)) return labels;
  const { [instanceIdLabel]: _removed, ...rest } = labels;
  return rest;
}

/** The label selector term selecting this instance's objects (Argo's `instanceid.Service.With`). */
export function instanceIdSelector(instanceID: string): string {
  return instanceID ? `${instanceIdLabel}=${instanceID}` : `!${instanceIdLabel}`;
}
