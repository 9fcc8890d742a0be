/**
 * Saved views: a name for a view's URL query (selection, filters, window, path, expansions, and whatever else the
 * view state holds), kept in the browser and exchanged as a JSON file. The reader's language is not part of a view:
 * a view saved in Arabic opens in English for an English reader. Pure: storage is passed in.
 */
import { z } from 'zod';

export const VIEWS_FILE_FORMAT = 'baghouz-explorer/saved-views';
export const STORAGE_KEY = 'baghouz-explorer.saved-views.v1';
/** Views kept at most; the oldest go first. */
export const MAX_VIEWS = 200;
const MAX_NAME = 120;
const MAX_QUERY = 4000;

const savedView = z.object({
  name: z.string().trim().min(1, 'a name is empty').max(MAX_NAME, `a name is longer than ${MAX_NAME} characters`),
  query: z.string().max(MAX_QUERY, `a view's query is longer than ${MAX_QUERY} characters`),
  savedAt: z.iso.datetime({ message: 'savedAt is not an ISO date-time' }),
});

const viewsFile = z.object({
  format: z.literal(VIEWS_FILE_FORMAT, { message: `format is not "${VIEWS_FILE_FORMAT}"` }),
  version: z.literal(1, { message: 'version is not 1' }),
  views: z.array(savedView).max(MAX_VIEWS, `more than ${MAX_VIEWS} views`),
});

export type SavedView = z.infer<typeof savedView>;

/** A file that cannot be imported: `where` is the path in the file (e.g. `views[2].name`), `what` the problem. */
export class ViewsFileError extends Error {
  readonly code = 'VIEWS_FILE_INVALID';
  constructor(
    readonly where: string,
    readonly what: string,
  ) {
    super(`${where}: ${what}`);
  }
}

/** The query of a view without the reader's language (and in a stable order, so the same view saves the same). */
export function viewQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('lang');
  params.sort();
  return params.toString();
}

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** The views in a file's text, or a ViewsFileError saying where it is wrong. */
export function parseViewsFile(text: string): SavedView[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ViewsFileError('file', `not JSON (${(error as Error).message})`);
  }
  const parsed = viewsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ViewsFileError(issue ? pathOf(issue.path) || 'file' : 'file', issue?.message ?? 'not a views file');
  }
  return parsed.data.views.map((view) => ({ ...view, query: viewQuery(view.query) }));
}

/** The file's text for `views`. */
export function viewsFileText(views: readonly SavedView[]): string {
  return `${JSON.stringify({ format: VIEWS_FILE_FORMAT, version: 1, views }, null, 2)}\n`;
}

/**
 * Views with `incoming` added, newest first: a view with the name of one already kept replaces it. Says how many
 * were added and how many replaced.
 */
export function mergeViews(
  kept: readonly SavedView[],
  incoming: readonly SavedView[],
): { views: SavedView[]; added: number; replaced: number } {
  const byName = new Map(kept.map((view) => [view.name, view]));
  let added = 0;
  let replaced = 0;
  for (const view of incoming) {
    if (byName.has(view.name)) replaced++;
    else added++;
    byName.delete(view.name);
    byName.set(view.name, view);
  }
  const views = [...byName.values()].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return { views: views.slice(0, MAX_VIEWS), added, replaced };
}

/** What the browser keeps; a damaged or foreign entry reads as no views rather than failing the page. */
export function readViews(storage: Pick<Storage, 'getItem'>): SavedView[] {
  const text = storage.getItem(STORAGE_KEY);
  if (!text) return [];
  try {
    return parseViewsFile(text);
  } catch {
    return [];
  }
}

/** Keeps `views`; throws when the browser refuses (storage full or turned off). */
export function writeViews(storage: Pick<Storage, 'setItem'>, views: readonly SavedView[]): void {
  storage.setItem(STORAGE_KEY, viewsFileText(views));
}
