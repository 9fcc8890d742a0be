/**
 * The path finder: pick two nodes, optionally an "as of" date, and read each path hop by hop with the
 * sentence behind every hop.
 */
import type { Path } from '../api.ts';
import { h, replaceChildren } from '../dom.ts';
import type { NodeFieldsFragment } from '../generated/graphql.ts';
import { displayName, edgeLabel } from '../graph/elements.ts';
import type { Strings } from '../i18n.ts';
import type { PathQuery } from '../state.ts';
import type { Language } from '../ui-types.ts';
import { certaintyBadge } from './details.ts';
import { SearchBox } from './search.ts';

export interface PathFinderOptions {
  onFind(query: PathQuery): void;
  onChoose(index: number): void;
  onNavigate(id: string): void;
}

export type PathResult =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; paths: Path[]; selected: number };

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export class PathFinderPanel {
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly asOf: HTMLInputElement;
  private readonly findButton: HTMLButtonElement;
  private readonly results: HTMLElement;
  private readonly labels: Record<'from' | 'to' | 'asOf' | 'hint', HTMLElement>;
  private from: NodeFieldsFragment | null = null;
  private to: NodeFieldsFragment | null = null;
  private strings!: Strings;
  private language: Language = 'en';
  private result: PathResult = { status: 'idle' };

  constructor(container: HTMLElement, options: PathFinderOptions) {
    const fromHost = h('div', { class: 'picker' });
    const toHost = h('div', { class: 'picker' });
    this.fromBox = new SearchBox(fromHost, { onChoose: (node) => (this.from = node), placeholder: (s) => s.pathFrom });
    this.toBox = new SearchBox(toHost, { onChoose: (node) => (this.to = node), placeholder: (s) => s.pathTo });
    this.asOf = h('input', {
      type: 'text',
      class: 'text-input',
      inputmode: 'numeric',
      placeholder: '2019-03',
      id: 'path-asof',
    });
    this.findButton = h('button', { type: 'button', class: 'button button-strong' });
    this.results = h('div', { class: 'path-results', 'aria-live': 'polite' });
    this.labels = {
      from: h('label', { class: 'field-label' }),
      to: h('label', { class: 'field-label' }),
      asOf: h('label', { class: 'field-label', for: 'path-asof' }),
      hint: h('p', { class: 'muted small' }),
    };
    this.findButton.addEventListener('click', () => {
      const asOf = this.asOf.value.trim();
      if (!this.from || !this.to) return;
      if (asOf && !PARTIAL_DATE.test(asOf)) {
        this.asOf.setAttribute('aria-invalid', 'true');
        return;
      }
      this.asOf.removeAttribute('aria-invalid');
      options.onFind({ from: this.from.id, to: this.to.id, asOf: asOf || null });
    });
    this.results.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const link = target.closest<HTMLElement>('[data-id]');
      if (link?.dataset.id) {
        options.onNavigate(link.dataset.id);
        return;
      }
      const card = target.closest<HTMLElement>('[data-path-index]');
      if (card) options.onChoose(Number(card.dataset.pathIndex));
    });
    this.results.addEventListener('keydown', (event) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>('[data-path-index]');
      if (card && event.target === card && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        options.onChoose(Number(card.dataset.pathIndex));
      }
    });
    replaceChildren(
      container,
      h(
        'div',
        { class: 'path-form' },
        this.labels.from,
        fromHost,
        this.labels.to,
        toHost,
        this.labels.asOf,
        this.asOf,
        this.labels.hint,
        this.findButton,
      ),
      this.results,
    );
  }

  setLanguage(strings: Strings, language: Language): void {
    this.strings = strings;
    this.language = language;
    this.fromBox.setLanguage(strings, language);
    this.toBox.setLanguage(strings, language);
    this.labels.from.textContent = strings.pathFrom;
    this.labels.to.textContent = strings.pathTo;
    this.labels.asOf.textContent = strings.pathAsOf;
    this.labels.hint.textContent = strings.pathAsOfHint;
    this.findButton.textContent = strings.pathFind;
    this.render(this.result);
  }

  /** Shows the query's end points (e.g. restored from the URL). */
  setQuery(query: PathQuery | null, from: NodeFieldsFragment | null, to: NodeFieldsFragment | null): void {
    this.from = from;
    this.to = to;
    this.fromBox.setValue(from ? displayName(from, this.language) : '');
    this.toBox.setValue(to ? displayName(to, this.language) : '');
    this.asOf.value = query?.asOf ?? '';
  }

  render(result: PathResult): void {
    this.result = result;
    if (!this.strings) return;
    const s = this.strings;
    switch (result.status) {
      case 'idle':
        replaceChildren(this.results, h('p', { class: 'empty-state' }, s.pathPick));
        return;
      case 'loading':
        replaceChildren(this.results, h('p', { class: 'loading-state' }, s.loading));
        return;
      case 'error':
        replaceChildren(
          this.results,
          h('div', { class: 'error-state' }, h('strong', {}, s.errorTitle), h('p', {}, result.message)),
        );
        return;
      case 'done':
        if (result.paths.length === 0) {
          replaceChildren(this.results, h('p', { class: 'empty-state' }, s.pathNone));
          return;
        }
        replaceChildren(
          this.results,
          h(
            'ol',
            { class: 'path-list' },
            result.paths.map((path, index) => this.pathCard(path, index, index === result.selected)),
          ),
        );
    }
  }

  private pathCard(path: Path, index: number, selected: boolean): HTMLElement {
    const s = this.strings;
    const steps: HTMLElement[] = [];
    path.edges.forEach((edge, i) => {
      const a = path.nodes[i];
      const b = path.nodes[i + 1];
      if (!a || !b) return;
      const forward = edge.source === a.id;
      const citation = edge.citations[0];
      steps.push(
        h(
          'li',
          { class: 'path-step' },
          h(
            'p',
            { class: 'hop' },
            this.nodeLink(a),
            h('span', { class: 'hop-edge' }, forward ? ` — ${edgeLabel(edge)} → ` : ` ← ${edgeLabel(edge)} — `),
            this.nodeLink(b),
            ' ',
            certaintyBadge(edge.certainty, s),
          ),
          citation ? h('blockquote', { class: 'quote small', lang: 'ar', dir: 'rtl' }, citation.quote) : null,
          citation?.translation
            ? h('p', { class: 'translation small', lang: 'en', dir: 'ltr' }, citation.translation)
            : null,
        ),
      );
    });
    return h(
      'li',
      {
        class: `path-card${selected ? ' selected' : ''}`,
        'data-path-index': index,
        tabindex: 0,
        role: 'button',
        'aria-pressed': selected ? 'true' : 'false',
      },
      h('p', { class: 'path-title' }, `${s.pathAlternative} ${index + 1} · ${path.length} ${s.pathSteps}`),
      h('ol', { class: 'path-steps' }, steps),
    );
  }

  private nodeLink(node: NodeFieldsFragment): HTMLElement {
    return h(
      'button',
      { type: 'button', class: `link kind-${node.kind.toLowerCase()}`, 'data-id': node.id },
      h('span', { class: `kind-dot kind-${node.kind.toLowerCase()}` }),
      displayName(node, this.language),
    );
  }
}
