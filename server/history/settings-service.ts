import { ApiError, GrpcCode, notFound } from '@/lib/api-error';
import type { JobRef } from '@/lib/history/job-ref';
import type { ViewFilter } from '@/lib/history/view-filter';
import { type View, checkView, viewIdOf } from '@/lib/history/views';
import type { History } from './history-runtime';

export interface ViewBody {
  id?: string;
  name: string;
  filter: ViewFilter;
}

export async function listViews(history: History) {
  return { items: await history.settings.listViews() };
}

export async function getView(history: History, id: string): Promise<View> {
  const view = await history.settings.getView(id);
  if (!view) throw notFound('views', id);
  return view;
}

/** `POST /views`: the id is given or derived from the name; a taken id is a 409. */
export async function createView(history: History, body: ViewBody, now: Date): Promise<View> {
  const id = body.id || viewIdOf(body.name);
  checkView(id, body.name, body.filter);
  const view: View = { id, name: body.name.trim(), filter: body.filter, createdAt: now.toISOString(), updatedAt: now.toISOString() };
  if (!(await history.settings.putView(view, true))) throw new ApiError(GrpcCode.AlreadyExists, `view "${id}" already exists`);
  return view;
}

export async function replaceView(history: History, id: string, body: ViewBody, now: Date): Promise<View> {
  const current = await getView(history, id);
  checkView(id, body.name, body.filter);
  const view: View = { ...current, name: body.name.trim(), filter: body.filter, updatedAt: now.toISOString() };
  await history.settings.putView(view, false);
  return view;
}

export async function deleteView(history: History, id: string) {
  if (!(await history.settings.deleteView(id))) throw notFound('views', id);
  return {};
}

export async function listFavourites(history: History, user: string) {
  return { user, items: await history.settings.favourites(user) };
}

export async function setFavourite(history: History, user: string, job: JobRef, on: boolean) {
  await history.settings.setFavourite(user, job, on);
  return listFavourites(history, user);
}
