'use client';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/** An API answer the page's server already has: its query key, its JSON text and when it was answered (ms). */
export interface SeededAnswer {
  queryKey: QueryKey;
  json: string;
  at: number;
}

/**
 * Puts answers the server computed while rendering the page into the query cache before the children render, so
 * the server's HTML already shows the data and hydration renders the same thing (react-query's HydrationBoundary
 * does the same; JSON text instead of objects keeps the page's payload quick to parse). A query already in the cache
 * keeps its data; live updates then go on as for any fetched query.
 */
export function SeededQueries({ answers, children }: { answers: SeededAnswer[]; children: ReactNode }) {
  const client = useQueryClient();
  useState(() => {
    for (const { queryKey, json, at } of answers) {
      if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, JSON.parse(json), { updatedAt: at });
    }
    return true;
  });
  return children;
}
