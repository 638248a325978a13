// The site's own settings: the organisation's time zone, the urgent-help text, the quick-exit
// address, the privacy notice's version and the session types. Asked once per visit.
import { api } from '@campus/web/api/client.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SiteResponse } from '../../../../api/src/modules/site/index.ts';

export type Site = SiteResponse;

export const siteQuery = queryOptions({
  queryKey: ['site'],
  queryFn: () => api<Site>('/api/site'),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useSite() {
  return useQuery(siteQuery);
}

/** Where "Exit this page" goes before the settings have arrived (or if they cannot). */
export const FALLBACK_EXIT_URL = 'https://www.bbc.co.uk/weather';
