import { invalidArgument } from '../api-error';
import { type ViewFilter, compileViewFilter } from './view-filter';

/** A saved filter over jobs, shareable by its id in URLs. */
export interface View {
  id: string;
  name: string;
  filter: ViewFilter;
  createdAt: string;
  updatedAt: string;
}

const idPattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A view id from its name: lower-case letters, digits and dashes, as a Kubernetes name. */
export function viewIdOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

/** Checks a view's id, name and filter (a bad regex or selector is a 400 now, not when the view is used). */
export function checkView(id: string, name: string, filter: ViewFilter): void {
  if (!name.trim()) throw invalidArgument('view name is empty');
  if (!idPattern.test(id)) throw invalidArgument(`view id "${id}" must be lower-case letters, digits and dashes (at most 63)`);
  compileViewFilter(filter);
}
