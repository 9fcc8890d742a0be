/**
 * Export endpoints, for tools and for the explorer's export menu:
 *   /export/dataset.json  the product's dataset format (loads back with `npm run seed`)
 *   /export/graph.graphml GraphML for Gephi, Cytoscape desktop, yEd
 *   /export/events.csv    events in ACLED-style columns
 * GET with query parameters, or POST with a JSON body of the same fields (for long id lists):
 *   ids (comma-separated in a query), from, to (ISO dates at any precision), dataset (one loaded dataset's own view).
 */
import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { AppError, BadUserInputError, ExportTooLargeError } from '../../../db/errors.ts';
import { datasetIds, exportSize, readExportGraph } from '../../../db/repositories/export.ts';
import { checkWindow, windowEnd, windowStart } from '../arguments.ts';
import { DEFAULT_EXPORT_MAX_ITEMS } from '../config.ts';
import { logRefusal } from '../logger.ts';
import { toAcledCsv } from './acled-csv.ts';
import { toDataset } from './dataset.ts';
import { type Selection, selectGraph } from './graph.ts';
import { toGraphml } from './graphml.ts';

export const MAX_EXPORT_IDS = 5000;
const ENTITY_ID = /^(actor|place|event|agreement):[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATASET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_BODY_BYTES = 512 * 1024;

const FORMATS = {
  '/export/dataset.json': { type: 'application/json; charset=utf-8', file: 'dataset.json' },
  '/export/graph.graphml': { type: 'application/graphml+xml; charset=utf-8', file: 'graph.graphml' },
  '/export/events.csv': { type: 'text/csv; charset=utf-8', file: 'events.csv' },
} as const;
type ExportPath = keyof typeof FORMATS;

export interface ExportRequest extends Selection {
  dataset?: string | undefined;
}

/** Checks and normalises the parameters; throws BadUserInputError naming the parameter. */
export function parseExportRequest(raw: {
  ids?: unknown;
  from?: unknown;
  to?: unknown;
  dataset?: unknown;
}): ExportRequest {
  const text = (value: unknown, name: string): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new BadUserInputError(`${name} must be a string.`, name);
    return value;
  };
  let ids: string[] | undefined;
  if (raw.ids !== undefined && raw.ids !== null && raw.ids !== '') {
    const list = typeof raw.ids === 'string' ? raw.ids.split(',') : raw.ids;
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string'))
      throw new BadUserInputError('ids must be a list of node ids.', 'ids');
    if (list.length > MAX_EXPORT_IDS)
      throw new BadUserInputError(`ids may list at most ${MAX_EXPORT_IDS} nodes.`, 'ids');
    const bad = list.find((id) => !ENTITY_ID.test(id.trim()));
    if (bad !== undefined)
      throw new BadUserInputError(`ids: "${bad.slice(0, 100)}" is not an actor, place, event or agreement id.`, 'ids');
    ids = list.map((id) => id.trim());
  }
  const from = windowStart(text(raw.from, 'from'), 'from') ?? undefined;
  const to = windowEnd(text(raw.to, 'to'), 'to') ?? undefined;
  checkWindow(from ?? null, to ?? null);
  const dataset = text(raw.dataset, 'dataset');
  if (dataset !== undefined && !DATASET_ID.test(dataset))
    throw new BadUserInputError('dataset must be a dataset id (a lowercase slug).', 'dataset');
  return { ids, from, to, dataset };
}

/** Runs one export: reads the graph (or one dataset's part), selects, and formats. */
export async function runExport(
  driver: Driver,
  path: ExportPath,
  request: ExportRequest,
  maxItems: number = DEFAULT_EXPORT_MAX_ITEMS,
): Promise<string> {
  const loaded = await datasetIds(driver);
  if (request.dataset !== undefined && !loaded.includes(request.dataset))
    throw new BadUserInputError(
      `dataset "${request.dataset}" is not loaded (loaded: ${loaded.join(', ')}).`,
      'dataset',
    );
  const size = await exportSize(driver, request.dataset ?? null, maxItems + 1);
  if (size > maxItems)
    throw new ExportTooLargeError(size, maxItems, request.dataset ? `dataset ${request.dataset}` : 'the graph');
  const graph = selectGraph(await readExportGraph(driver, request.dataset ?? null), request);
  if (path === '/export/graph.graphml') return toGraphml(graph);
  if (path === '/export/events.csv') return toAcledCsv(graph);
  const whole = request.ids === undefined && request.from === undefined && request.to === undefined;
  const datasetId = request.dataset ?? (whole && loaded.length === 1 ? (loaded[0] as string) : 'export');
  const dataset = toDataset(graph, {
    datasetId,
    title: request.dataset ? `Export of dataset ${request.dataset}` : 'Export of the explorer graph',
    ...(request.dataset ? { claimsOf: request.dataset } : {}),
  });
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

function errorResponse(error: unknown): Response {
  const code = error instanceof AppError ? error.code : 'INTERNAL_SERVER_ERROR';
  const status =
    code === 'BAD_USER_INPUT'
      ? 400
      : code === 'EXPORT_TOO_LARGE'
        ? 413
        : code === 'DATABASE_UNAVAILABLE'
          ? 503
          : code === 'QUERY_TIMEOUT'
            ? 504
            : 500;
  const message = error instanceof AppError ? error.message : 'Unexpected error.';
  const argument = error instanceof AppError ? error.extensions.argument : undefined;
  const max = error instanceof AppError ? error.extensions.max : undefined;
  return new Response(
    JSON.stringify({
      errors: [{ message, extensions: { code, ...(argument ? { argument } : {}), ...(max ? { max } : {}) } }],
    }),
    {
      status,
      headers: { 'content-type': 'application/json' },
    },
  );
}

export function exportRoutes(driver: Driver, logger: Logger, maxItems = DEFAULT_EXPORT_MAX_ITEMS): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
      if (!(url.pathname in FORMATS)) return;
      const started = performance.now();
      const path = url.pathname as ExportPath;
      try {
        let raw: Record<string, unknown>;
        if (request.method === 'GET' || request.method === 'HEAD') raw = Object.fromEntries(url.searchParams);
        else if (request.method === 'POST') {
          if (!(request.headers.get('content-type') ?? '').startsWith('application/json'))
            throw new BadUserInputError('POST a JSON body: {"ids": [...], "from": ..., "to": ..., "dataset": ...}.');
          const body = await request.text();
          if (body.length > MAX_BODY_BYTES) throw new BadUserInputError(`The body is over ${MAX_BODY_BYTES} bytes.`);
          try {
            raw = JSON.parse(body || '{}');
          } catch {
            throw new BadUserInputError('The body is not valid JSON.');
          }
        } else return endResponse(new Response('Use GET or POST.', { status: 405, headers: { allow: 'GET, POST' } }));
        const content = await runExport(driver, path, parseExportRequest(raw), maxItems);
        const format = FORMATS[path];
        return endResponse(
          new Response(content, {
            status: 200,
            headers: {
              'content-type': format.type,
              'content-disposition': `attachment; filename="${format.file}"`,
              'cache-control': 'no-store',
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'unexpected error while exporting');
        const code = error instanceof AppError ? error.code : 'INTERNAL_SERVER_ERROR';
        logRefusal(logger, { codes: [code], operation: path, durationMs: Math.round(performance.now() - started) });
        return endResponse(errorResponse(error));
      }
    },
  };
}
