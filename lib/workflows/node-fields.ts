import type { NodeStatus } from '../generated/argo';

/** The template a node ran: its templateRef's template, else its template name (Argo's `GetTemplateFromNode`). */
export function templateOfNode(node: NodeStatus): string {
  return node.templateRef ? node.templateRef.template ?? '' : node.templateName ?? '';
}

/** The fields a node field selector (`argo retry --node-field-selector`, `argo node set`) can match on. */
export function toNodeFields(node: NodeStatus): Record<string, string> {
  const fields: Record<string, string> = {
    displayName: node.displayName ?? '',
    templateName: templateOfNode(node),
    phase: node.phase ?? '',
    name: node.name,
    id: node.id,
  };
  if (node.templateRef) {
    fields['templateRef.name'] = node.templateRef.name ?? '';
    fields['templateRef.template'] = node.templateRef.template ?? '';
  }
  for (const p of node.inputs?.parameters ?? []) fields[`inputs.parameters.${p.name}.value`] = p.value ?? '';
  return fields;
}
