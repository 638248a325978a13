// The event editor's server state, in the panel's one query cache: an event, what its image may
// be, and its live registrations (what a cancellation would end); and the writes, each of which
// puts the event's new state in the cache and marks the lists stale.
import type { QueryClient } from '@tanstack/react-query';
import type {
  AdminEvent,
  AdminRegistration,
  EventImageRules,
} from '../../../../api/src/modules/events/index.ts';
import { adminApi, adminBlob } from '../admin-api.ts';

export type { AdminEvent, EventImageRules };

/** The body of a create; an edit sends the fields that changed. */
export interface EventFieldsBody {
  title: string;
  description: string;
  location: string;
  starts_at: string;
  ends_at: string | null;
  capacity: number;
}

const path = (id: string) => `/api/admin/events/${encodeURIComponent(id)}`;
export const eventKey = (id: string) => ['admin-event', id] as const;

export const eventQuery = (id: string) => ({
  queryKey: eventKey(id),
  queryFn: ({ signal }: { signal: AbortSignal }) => adminApi<AdminEvent>(path(id), { signal }),
});

export const imageRulesQuery = {
  queryKey: ['admin-event-image-rules'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    adminApi<EventImageRules>('/api/admin/events/image-rules', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
};

/** How many registrations are live (confirmed or waiting): those a cancellation ends and mails. */
export const liveRegistrationsQuery = (id: string) => ({
  queryKey: ['admin-event-registrations', id],
  queryFn: async ({ signal }: { signal: AbortSignal }) => {
    const { items } = await adminApi<{ items: AdminRegistration[] }>(`${path(id)}/registrations`, { signal });
    return items.filter((r) => r.status === 'confirmed' || r.status === 'waiting').length;
  },
});

/** The event's image as a data: URL (the page's CSP takes data: images, and a draft's image is
 * behind the admin's token, so no plain <img src> can show it). */
export const imageQuery = (fileId: string) => ({
  queryKey: ['admin-event-image', fileId],
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    dataUrlOf(await adminBlob(`/api/admin/uploads/${encodeURIComponent(fileId)}`, { signal })),
  staleTime: Number.POSITIVE_INFINITY,
});

/** A file or blob as a data: URL. */
export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

export const createEvent = (body: EventFieldsBody) =>
  adminApi<AdminEvent>('/api/events', { method: 'POST', body });
export const updateEvent = (id: string, body: Partial<EventFieldsBody>) =>
  adminApi<AdminEvent>(path(id), { method: 'PATCH', body });
export const publishEvent = (id: string) => adminApi<AdminEvent>(`${path(id)}/publish`, { method: 'POST' });
export const cancelEvent = (id: string) =>
  adminApi<{ event: AdminEvent; notified: number }>(`${path(id)}/cancel`, { method: 'POST' });

/** Uploads the file (multipart field "file"), then makes it the event's image. */
export async function setEventImage(id: string, file: File): Promise<AdminEvent> {
  const form = new FormData();
  form.append('file', file, file.name);
  const uploaded = await adminApi<{ id: string }>('/api/admin/uploads', { method: 'POST', body: form });
  return adminApi<AdminEvent>(`${path(id)}/image`, { method: 'PUT', body: { file_id: uploaded.id } });
}
export const removeEventImage = (id: string) =>
  adminApi<AdminEvent>(`${path(id)}/image`, { method: 'PUT', body: { file_id: null } });

/** After a write: the event as the API answered, and every list fetched afresh. */
export function eventChanged(client: QueryClient, event: AdminEvent) {
  client.setQueryData(eventKey(event.id), event);
  void client.invalidateQueries({ queryKey: ['admin-list'] });
}
