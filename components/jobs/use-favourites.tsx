'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiFetch } from '../api-client';
import { favouritesQuery } from '../queries/history';
import type { FavouriteList } from '../queries/history-types';
import { useSettings } from '../settings-context';
import { type JobRef, favouriteApiPath, jobKey } from './job-ref';

/** The user's favourite jobs (kept by Capstan per user) and a toggle that updates the cache at once. */
export function useFavourites() {
  const { baseHref } = useSettings();
  const queryClient = useQueryClient();
  const query = useQuery(favouritesQuery(baseHref));
  const keys = useMemo(() => new Set((query.data?.items ?? []).map(jobKey)), [query.data]);
  const toggle = useMutation({
    mutationFn: (job: JobRef) => apiFetch<FavouriteList>(baseHref, favouriteApiPath(job), { method: keys.has(jobKey(job)) ? 'DELETE' : 'PUT' }),
    onSuccess: (list) => queryClient.setQueryData(favouritesQuery(baseHref).queryKey, list),
  });
  return { isFavourite: (job: JobRef) => keys.has(jobKey(job)), toggle: toggle.mutate, error: query.error ?? toggle.error, ready: !query.isPending };
}

/** A star that adds or removes the job from the favourites. */
export function FavouriteStar({ job, favourites }: { job: JobRef; favourites: ReturnType<typeof useFavourites> }) {
  const on = favourites.isFavourite(job);
  return (
    <button
      type="button"
      onClick={() => favourites.toggle(job)}
      aria-pressed={on}
      aria-label={on ? `Remove ${job.name} from favourites` : `Add ${job.name} to favourites`}
      title={on ? 'Remove from favourites' : 'Add to favourites'}
      className={`text-lg leading-none ${on ? 'text-amber-400 hover:text-amber-500' : 'text-slate-300 hover:text-amber-400'}`}
    >
      {on ? '★' : '☆'}
    </button>
  );
}
