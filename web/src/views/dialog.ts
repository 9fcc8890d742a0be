/**
 * The saved-views dialog: name and save the current view, list the saved ones (open, copy a link, delete), export
 * them to a file and import one. A modal <dialog>: Escape closes it and focus returns to the button that opened it.
 * Loaded only when the user asks for it. Every text goes in through textContent.
 */
import { bidi, h, isArabic, replaceChildren } from '../dom.ts';
import type { Strings } from '../i18n.ts';
import { download } from '../page.ts';
import type { Language } from '../ui-types.ts';
import {
  mergeViews,
  parseViewsFile,
  readViews,
  type SavedView,
  ViewsFileError,
  viewQuery,
  viewsFileText,
  writeViews,
} from './saved-views.ts';

export interface SavedViewsOptions {
  strings(): Strings;
  language(): Language;
  /** Opens a saved view's query in the page (the reader's language kept). */
  open(query: string): void;
  storage?: Storage;
}

let dialog: HTMLDialogElement | null = null;

/** A link to `query` in the reader's language. */
function linkTo(query: string, language: Language): string {
  const params = new URLSearchParams(query);
  if (language !== 'en') params.set('lang', language);
  const search = params.toString();
  return `${location.origin}${location.pathname}${search ? `?${search}` : ''}`;
}

export function openSavedViews(options: SavedViewsOptions): void {
  const storage = options.storage ?? window.localStorage;
  const s = options.strings();
  const language = options.language();
  dialog?.remove();
  const title = h('h2', { id: 'saved-views-title' }, s.savedViewsTitle);
  const nameInput = h('input', {
    id: 'saved-view-name',
    type: 'text',
    maxlength: 120,
    autocomplete: 'off',
    required: true,
  });
  const problem = h('p', { class: 'saved-views-problem', role: 'alert' });
  const status = h('p', { class: 'saved-views-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'saved-views-list', 'aria-labelledby': 'saved-views-title' });
  const fileInput = h('input', { type: 'file', accept: 'application/json,.json', hidden: true });
  const say = (text: string, isProblem = false) => {
    problem.textContent = isProblem ? text : '';
    status.textContent = isProblem ? '' : text;
  };
  const keep = (views: SavedView[]): boolean => {
    try {
      writeViews(storage, views);
      return true;
    } catch {
      say(s.savedViewsStorageFailed, true);
      return false;
    }
  };
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const named = (name: string) => bidi(name, isArabic(name) ? 'ar' : 'en');

  const renderList = () => {
    const views = readViews(storage);
    if (views.length === 0) {
      replaceChildren(list, h('li', { class: 'saved-views-empty' }, s.savedViewsEmpty));
      return;
    }
    replaceChildren(
      list,
      views.map((view) => {
        const link = h('a', { href: linkTo(view.query, language), class: 'saved-view-name' }, named(view.name));
        link.addEventListener('click', (event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          openView(view);
        });
        const button = (text: string, action: () => void) => {
          const b = h('button', { type: 'button', class: 'button' }, text);
          b.setAttribute('aria-label', `${text}: ${view.name}`);
          b.addEventListener('click', action);
          return b;
        };
        return h(
          'li',
          { class: 'saved-view' },
          h(
            'div',
            { class: 'saved-view-text' },
            link,
            h('span', { class: 'saved-view-when' }, s.savedViewsSavedAt(dateFormat.format(new Date(view.savedAt)))),
          ),
          h(
            'div',
            { class: 'saved-view-actions' },
            button(s.savedViewsOpen, () => openView(view)),
            button(s.savedViewsCopy, () =>
              navigator.clipboard.writeText(linkTo(view.query, language)).then(
                () => say(s.linkCopied),
                () => say(s.copyFailed, true),
              ),
            ),
            button(s.savedViewsDelete, () => {
              if (keep(readViews(storage).filter((v) => v.name !== view.name))) {
                say(s.savedViewsDeleted(view.name));
                renderList();
                nameInput.focus();
              }
            }),
          ),
        );
      }),
    );
  };

  const openView = (view: SavedView) => {
    dialog?.close();
    options.open(view.query);
  };

  const form = h(
    'form',
    { class: 'saved-views-form' },
    h('label', { for: 'saved-view-name' }, s.savedViewsName),
    h(
      'div',
      { class: 'saved-views-row' },
      nameInput,
      h('button', { type: 'submit', class: 'button button-strong' }, s.savedViewsSave),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) {
      say(s.savedViewsNameMissing, true);
      nameInput.focus();
      return;
    }
    const kept = readViews(storage);
    const { views, replaced } = mergeViews(kept, [
      { name, query: viewQuery(location.search), savedAt: new Date().toISOString() },
    ]);
    if (!keep(views)) return;
    say(replaced > 0 ? s.savedViewsReplaced(name) : s.savedViewsSaved(name));
    nameInput.value = '';
    renderList();
  });

  const exportButton = h('button', { type: 'button', class: 'button' }, s.savedViewsExport);
  exportButton.addEventListener('click', () => {
    download(new Blob([viewsFileText(readViews(storage))], { type: 'application/json' }), 'baghouz-saved-views.json');
  });
  const importButton = h('button', { type: 'button', class: 'button' }, s.savedViewsImport);
  importButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    say(s.loading);
    file.text().then(
      (text) => {
        try {
          const { views, added, replaced } = mergeViews(readViews(storage), parseViewsFile(text));
          if (!keep(views)) return;
          say(s.savedViewsImported(added.toLocaleString(language), replaced.toLocaleString(language)));
          renderList();
        } catch (error) {
          if (!(error instanceof ViewsFileError)) throw error;
          say(s.savedViewsFileError(error.where, error.what), true);
        }
      },
      (error: unknown) => say(s.savedViewsFileError('file', (error as Error).message), true),
    );
  });
  const closeButton = h('button', { type: 'button', class: 'button' }, s.savedViewsClose);
  closeButton.addEventListener('click', () => dialog?.close());

  dialog = h(
    'dialog',
    { id: 'saved-views', class: 'saved-views', 'aria-labelledby': 'saved-views-title' },
    title,
    h('p', { class: 'saved-views-intro' }, s.savedViewsIntro),
    form,
    problem,
    status,
    list,
    h('div', { class: 'saved-views-footer' }, exportButton, importButton, fileInput, closeButton),
  );
  dialog.addEventListener('close', () => dialog?.remove());
  document.body.append(dialog);
  renderList();
  dialog.showModal();
  nameInput.focus();
}
