/** One search box for both scripts: results grouped by kind, full keyboard use (↑ ↓ Enter Escape). */
import { NODE_KINDS } from '../../../schema/vocabulary.ts';
import { type SearchHit, search } from '../api.ts';
import { bidi, h, replaceChildren } from '../dom.ts';
import type { Kind, NodeFieldsFragment } from '../generated/graphql.ts';
import { displayName } from '../graph/elements.ts';
import type { Strings } from '../i18n.ts';
import type { Language } from '../ui-types.ts';

export interface SearchBoxOptions {
  onChoose(node: NodeFieldsFragment): void;
  /** Runs the search; replaceable for a picker that wants only actors. */
  kinds?: ReadonlyArray<Kind>;
  placeholder?: (s: Strings) => string;
  /** The input's id, for a visible `<label for>`: the box is then announced by that label, not "Search". */
  inputId?: string;
}

/** What a box's typed text means: the entity chosen or matched, none, or several to pick from. */
export type Resolution =
  | { status: 'empty' }
  | { status: 'found'; node: NodeFieldsFragment }
  | { status: 'none'; text: string }
  | { status: 'many'; text: string };

let nextId = 0;

/** A combobox: an input and a listbox of hits. */
export class SearchBox {
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLDivElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  private strings!: Strings;
  private language: Language = 'en';
  /** The entity picked from the list and the text it put in the box (typing something else forgets it). */
  private chosen: { node: NodeFieldsFragment; text: string } | null = null;

  constructor(
    container: HTMLElement,
    private readonly options: SearchBoxOptions,
  ) {
    const listId = `search-list-${nextId++}`;
    this.input = h('input', {
      type: 'search',
      class: 'search-input',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      autocomplete: 'off',
      spellcheck: 'false',
      dir: 'auto',
      id: options.inputId,
    });
    // tabindex -1: a scrolling list would otherwise be a tab stop of its own (Chromium makes scrollers focusable),
    // and Tab from the box would land on a list that closes as the box loses focus.
    this.list = h('ul', { id: listId, class: 'search-results', role: 'listbox', hidden: true, tabindex: '-1' });
    this.status = h('div', { class: 'search-status', 'aria-live': 'polite' });
    replaceChildren(container, h('div', { class: 'search-box' }, this.input, this.list, this.status));
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => this.close());
    this.input.addEventListener('focus', () => {
      if (this.hits.length > 0 && this.input.value.trim()) this.open();
    });
  }

  setLanguage(strings: Strings, language: Language): void {
    this.strings = strings;
    this.language = language;
    this.input.placeholder = (this.options.placeholder ?? ((s) => s.searchPlaceholder))(strings);
    if (!this.options.inputId) this.input.setAttribute('aria-label', strings.searchLabel);
    this.render();
  }

  /** Shows a chosen entity's name (e.g. restored from the URL); null empties the box. */
  setValue(text: string, node: NodeFieldsFragment | null = null): void {
    this.input.value = text;
    this.chosen = node ? { node, text } : null;
  }

  /**
   * The entity the box stands for: the one picked from the list while its name is still in the box; otherwise the
   * typed text searched: one match (or one exact match) is it, several open the list to pick from.
   */
  async resolve(): Promise<Resolution> {
    const text = this.input.value.trim();
    if (!text) return { status: 'empty' };
    if (this.chosen && this.chosen.text.trim() === text) return { status: 'found', node: this.chosen.node };
    const kinds = this.options.kinds;
    const hits = (await search(text)).filter((hit) => !kinds || kinds.includes(hit.node.kind));
    const exact = hits.filter((hit) => hit.exact);
    const only = hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : undefined;
    if (only) {
      this.setValue(displayName(only.node, this.language), only.node);
      return { status: 'found', node: only.node };
    }
    if (hits.length === 0) return { status: 'none', text };
    this.hits = NODE_KINDS.flatMap((kind) => hits.filter((hit) => hit.node.kind === kind));
    this.active = 0;
    this.render();
    this.input.focus();
    this.open();
    return { status: 'many', text };
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.active = -1;
    this.timer = setTimeout(() => void this.run(), 180);
  }

  private async run(): Promise<void> {
    const text = this.input.value.trim();
    this.controller?.abort();
    if (text.length === 0) {
      this.hits = [];
      this.status.textContent = '';
      this.close();
      return;
    }
    this.controller = new AbortController();
    this.status.textContent = this.strings.searching;
    try {
      const hits = await search(text, this.controller.signal);
      const kinds = this.options.kinds;
      this.hits = kinds ? hits.filter((hit) => kinds.includes(hit.node.kind)) : hits;
      this.hits = NODE_KINDS.flatMap((kind) => this.hits.filter((hit) => hit.node.kind === kind));
      this.active = this.best();
      this.status.textContent = this.hits.length === 0 ? this.strings.searchNoResults : '';
      this.render();
      this.open();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.status.textContent = (error as Error).message;
    }
  }

  /** The hit Enter takes: the first exact match of a name or alias, else the best scored (the list is by kind). */
  private best(): number {
    if (this.hits.length === 0) return -1;
    const exact = this.hits.findIndex((hit) => hit.exact);
    if (exact >= 0) return exact;
    let top = 0;
    this.hits.forEach((hit, i) => {
      if (hit.score > (this.hits[top]?.score ?? 0)) top = i;
    });
    return top;
  }

  private render(): void {
    if (!this.strings) return;
    const items: HTMLElement[] = [];
    let kind: string | null = null;
    this.hits.forEach((hit, index) => {
      if (hit.node.kind !== kind) {
        kind = hit.node.kind;
        items.push(h('li', { class: 'search-group', role: 'presentation' }, this.strings.kinds[hit.node.kind]));
      }
      const other = this.language === 'ar' ? hit.node.name : hit.node.nameAr;
      const option = h(
        'li',
        {
          id: `${this.list.id}-${index}`,
          class: `search-option${index === this.active ? ' active' : ''}`,
          role: 'option',
          'aria-selected': index === this.active ? 'true' : 'false',
          'data-kind': hit.node.kind.toLowerCase(),
        },
        h('span', { class: `kind-dot kind-${hit.node.kind.toLowerCase()}` }),
        h('span', { class: 'option-name' }, displayName(hit.node, this.language)),
        other ? bidi(other, this.language === 'ar' ? 'en' : 'ar') : null,
      );
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.choose(index);
      });
      items.push(option);
    });
    replaceChildren(this.list, items);
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.render();
      this.open();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active >= 0) this.choose(this.active);
      // Enter before the list has come: search now and take the best match.
      else {
        clearTimeout(this.timer);
        void this.run().then(() => {
          if (this.hits.length > 0) this.choose(this.best());
        });
      }
    } else if (event.key === 'Tab') {
      // Closed before the browser moves the focus, so Tab goes on to the next field.
      this.close();
    } else if (event.key === 'Escape' && !this.list.hidden) {
      event.stopPropagation();
      this.close();
    }
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.setValue(displayName(hit.node, this.language), hit.node);
    this.close();
    this.options.onChoose(hit.node);
  }

  /** Opens the list only while the box has the focus: a late answer never opens it over the next field. */
  private open(): void {
    if (document.activeElement !== this.input) return;
    this.list.hidden = this.hits.length === 0;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
