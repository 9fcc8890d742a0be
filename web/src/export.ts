/** The export menu's server formats: the visible entities sent to /export/* (see server/src/export/routes.ts). */
import { ApiError } from './api.ts';

export const SERVER_EXPORTS = {
  dataset: { path: '/export/dataset.json', file: 'baghouz-dataset.json' },
  graphml: { path: '/export/graph.graphml', file: 'baghouz-graph.graphml' },
  csv: { path: '/export/events.csv', file: 'baghouz-events.csv' },
} as const;
export type ServerExport = keyof typeof SERVER_EXPORTS;

const ENTITY_ID = /^(actor|place|event|agreement):[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The ids the export endpoints accept: actors, places, events and agreements (sources come with their citations). */
export function exportableIds(ids: readonly string[]): string[] {
  return ids.filter((id) => ENTITY_ID.test(id));
}

/** Asks the server for one export of the given entities; throws ApiError with the server's message. */
export async function fetchExport(format: ServerExport, ids: readonly string[]): Promise<Blob> {
  const response = await fetch(SERVER_EXPORTS[format].path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids: exportableIds(ids) }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      errors?: Array<{ message?: string; extensions?: { code?: string } }>;
    } | null;
    const error = body?.errors?.[0];
    throw new ApiError(error?.extensions?.code ?? 'EXPORT_FAILED', error?.message ?? `HTTP ${response.status}`);
  }
  return response.blob();
}
