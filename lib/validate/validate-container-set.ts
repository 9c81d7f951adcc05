import type { ContainerSetTemplate } from '@/lib/generated/argo';
import { findDependencyCycle } from './dag-graph';
import { checkFieldNames } from './field-names';

/** The first problem with a containerSet, as a path below it and a message (Argo's ContainerSetTemplate.Validate). */
export function checkContainerSet(containerSet: ContainerSetTemplate): { field: string; message: string } | undefined {
  const containers = containerSet.containers ?? [];
  if (containers.length === 0) return { field: 'containers', message: 'containers must have at least one container' };
  const names = checkFieldNames(containers.map((container) => container.name), 'field');
  if (names !== undefined) return { field: `containers[${names.index}].name`, message: names.message };
  const mounted = new Map<string, string>();
  for (const [index, mount] of (containerSet.volumeMounts ?? []).entries()) {
    const mountPath = mount.mountPath ?? '';
    const previous = mounted.get(mountPath);
    if (previous !== undefined) {
      return { field: `volumeMounts[${index}].mountPath`, message: `mountPath '${mountPath}' already mounted in ${previous}` };
    }
    mounted.set(mountPath, `volumeMounts.${mount.name ?? ''}`);
  }
  const known = new Set(containers.map((container) => container.name));
  for (const [index, container] of containers.entries()) {
    const unknown = (container.dependencies ?? []).find((name) => !known.has(name));
    if (unknown !== undefined) return { field: `containers[${index}].dependencies`, message: `dependency '${unknown}' not defined` };
  }
  const sorted = [...known].sort();
  const dependenciesOf = (name: string) => containers.filter((container) => container.name === name).flatMap((container) => container.dependencies ?? []);
  const cycle = findDependencyCycle(sorted, dependenciesOf);
  return cycle === undefined ? undefined : { field: 'containers', message: `dependency cycle detected: ${cycle}` };
}
