/**
 * The path finder: pick (or type) two entities, optionally an "as of" date and the kinds of link a path may use, and
 * read each path hop by hop with the sentence behind every hop. Every problem is said in words beside the form.
 */
import { GRAPH_REL_TYPES } from '../../../schema/vocabulary.ts';
import type { Path } from '../api.ts';
import { h, replaceChildren } from '../dom.ts';
import type { NodeFieldsFragment } from '../generated/graphql.ts';
import { displayName, edgeLabel } from '../graph/elements.ts';
import type { Strings } from '../i18n.ts';
import type { PathQuery } from '../state.ts';
import type { Language } from '../ui-types.ts';
import { relationWord } from '../words.ts';
import { arrow, certaintyBadge } from './details.ts';
import { type Resolution, SearchBox } from './search.ts';

export interface PathFinderOptions {
  /** A new query; null clears the shown paths (the form has a problem to show instead). */
  onFind(query: PathQuery | null): void;
  onChoose(index: number): void;
  onNavigate(id: string): void;
}

export type PathResult =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'invalid'; messages: string[] }
  | { status: 'done'; paths: Path[]; selected: number };

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export class PathFinderPanel {
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly asOf: HTMLInputElement;
  private readonly asOfError: HTMLElement;
  private readonly findButton: HTMLButtonElement;
  private readonly results: HTMLElement;
  private readonly labels: Record<'from' | 'to' | 'asOf' | 'hint' | 'types' | 'undated', HTMLElement>;
  private readonly typeBoxes = new Map<string, { box: HTMLInputElement; text: HTMLElement }>();
  private readonly datedOnly: HTMLInputElement;
  private readonly typesNote: HTMLElement;
  private strings!: Strings;
  private language: Language = 'en';
  private result: PathResult = { status: 'idle' };
  private asOfShown: string | null = null;

  constructor(
    container: HTMLElement,
    private readonly options: PathFinderOptions,
  ) {
    const fromHost = h('div', { class: 'picker' });
    const toHost = h('div', { class: 'picker' });
    this.fromBox = new SearchBox(fromHost, {
      onChoose: () => {},
      placeholder: (s) => s.pathFrom,
      inputId: 'path-from',
    });
    this.toBox = new SearchBox(toHost, { onChoose: () => {}, placeholder: (s) => s.pathTo, inputId: 'path-to' });
    this.asOf = h('input', {
      type: 'text',
      class: 'text-input',
      inputmode: 'numeric',
      placeholder: '2019-03',
      id: 'path-asof',
      'aria-describedby': 'path-asof-hint path-asof-error',
    });
    this.asOfError = h('p', { class: 'field-error', id: 'path-asof-error', hidden: true });
    this.findButton = h('button', { type: 'button', class: 'button button-strong' });
    this.results = h('div', { class: 'path-results', 'aria-live': 'polite' });
    this.labels = {
      from: h('label', { class: 'field-label', for: 'path-from' }),
      to: h('label', { class: 'field-label', for: 'path-to' }),
      asOf: h('label', { class: 'field-label', for: 'path-asof' }),
      hint: h('p', { class: 'muted small', id: 'path-asof-hint' }),
      types: h('summary', { class: 'field-label' }),
      undated: h('span', {}),
    };
    this.datedOnly = h('input', { type: 'checkbox', id: 'path-dated-only' });
    this.typesNote = h('span', { class: 'muted small' });
    const typeList = h(
      'ul',
      { class: 'type-list' },
      GRAPH_REL_TYPES.map((type) => {
        const box = h('input', { type: 'checkbox', id: `path-type-${type}`, value: type, checked: true });
        const text = h('span', {});
        this.typeBoxes.set(type, { box, text });
        return h('li', {}, h('label', { class: 'check', for: `path-type-${type}` }, box, ' ', text));
      }),
    );
    this.findButton.addEventListener('click', () => void this.find());
    this.asOf.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void this.find();
    });
    this.asOf.addEventListener('input', () => this.showAsOfError(null));
    this.results.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const link = target.closest<HTMLElement>('[data-id]');
      if (link?.dataset.id) options.onNavigate(link.dataset.id);
      const choose = target.closest<HTMLElement>('[data-path-index]');
      if (choose) options.onChoose(Number(choose.dataset.pathIndex));
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
        this.asOfError,
        this.labels.hint,
        h('label', { class: 'check', for: 'path-dated-only' }, this.datedOnly, ' ', this.labels.undated),
        h('details', { class: 'path-types' }, this.labels.types, typeList),
        this.typesNote,
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
    this.labels.types.textContent = strings.pathTypes;
    this.labels.undated.textContent = strings.pathExcludeUndated;
    for (const [type, { text }] of this.typeBoxes) text.textContent = relationWord(type, language);
    this.findButton.textContent = strings.pathFind;
    if (this.asOfShown !== null) this.showAsOfError(this.asOfShown);
    this.render(this.result);
  }

  /** "Paths from here": puts a node in the "from" box, the rest of the form as it was. */
  setFrom(node: NodeFieldsFragment): void {
    this.fromBox.setValue(displayName(node, this.language), node);
  }

  /** Shows the query's end points and options (e.g. restored from the URL). */
  setQuery(query: PathQuery | null, from: NodeFieldsFragment | null, to: NodeFieldsFragment | null): void {
    this.fromBox.setValue(from ? displayName(from, this.language) : '', from);
    this.toBox.setValue(to ? displayName(to, this.language) : '', to);
    this.asOf.value = query?.asOf ?? '';
    this.showAsOfError(null);
    this.datedOnly.checked = query?.datedOnly ?? false;
    for (const [type, { box }] of this.typeBoxes) box.checked = !query?.without.includes(type);
    this.typesNote.textContent = query?.without.length
      ? this.strings.pathExcluded(query.without.map((t) => relationWord(t, this.language)).join('، '))
      : '';
  }

  /** Checks the form, resolving typed names; shows every problem in words and clears the old paths. */
  private async find(): Promise<void> {
    const s = this.strings;
    const problems: string[] = [];
    const asOf = this.asOf.value.trim();
    const asOfValid = !asOf || PARTIAL_DATE.test(asOf);
    this.showAsOfError(asOfValid ? null : asOf);
    if (!asOfValid) problems.push(s.pathAsOfInvalid(asOf));
    const without = [...this.typeBoxes].filter(([, { box }]) => !box.checked).map(([type]) => type);
    if (without.length === GRAPH_REL_TYPES.length) problems.push(s.pathTypesNone);
    const [from, to] = await Promise.all([this.fromBox.resolve(), this.toBox.resolve()]).catch((error: unknown) => {
      problems.push((error as Error).message);
      return [{ status: 'empty' }, { status: 'empty' }] as Resolution[];
    });
    const ends = [
      this.endOf(from, s.pathFrom, s.pathNeedFrom, problems),
      this.endOf(to, s.pathTo, s.pathNeedTo, problems),
    ];
    if (ends[0] && ends[1] && ends[0].id === ends[1].id) problems.push(s.pathSame);
    if (problems.length > 0 || !ends[0] || !ends[1]) {
      this.options.onFind(null);
      this.render({ status: 'invalid', messages: problems });
      return;
    }
    this.options.onFind({
      from: ends[0].id,
      to: ends[1].id,
      asOf: asOf || null,
      without,
      datedOnly: this.datedOnly.checked,
    });
  }

  private endOf(
    r: Resolution | undefined,
    field: string,
    missing: string,
    problems: string[],
  ): NodeFieldsFragment | null {
    const s = this.strings;
    if (!r || r.status === 'empty') problems.push(missing);
    else if (r.status === 'none') problems.push(s.pathNoMatch(field, r.text));
    else if (r.status === 'many') problems.push(s.pathPickOne(field, r.text));
    else return r.node;
    return null;
  }

  private showAsOfError(text: string | null): void {
    this.asOfShown = text;
    this.asOfError.hidden = text === null;
    this.asOfError.textContent = text === null ? '' : this.strings.pathAsOfInvalid(text);
    if (text === null) this.asOf.removeAttribute('aria-invalid');
    else this.asOf.setAttribute('aria-invalid', 'true');
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
          h('div', { class: 'error-state', role: 'alert' }, h('strong', {}, s.errorTitle), h('p', {}, result.message)),
        );
        return;
      case 'invalid':
        replaceChildren(
          this.results,
          h(
            'div',
            { class: 'error-state', role: 'alert' },
            h(
              'ul',
              { class: 'problem-list' },
              result.messages.map((m) => h('li', {}, m)),
            ),
          ),
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

  /** One path: a button to show it on the graph, then its hops, each with its quote and whether it is dated. */
  private pathCard(path: Path, index: number, selected: boolean): HTMLElement {
    const s = this.strings;
    const asOfSet = this.asOf.value.trim() !== '';
    const steps: HTMLElement[] = [];
    path.edges.forEach((edge, i) => {
      const a = path.nodes[i];
      const b = path.nodes[i + 1];
      if (!a || !b) return;
      const forward = edge.source === a.id;
      const word = edgeLabel(edge, this.language);
      const citation = edge.citations[0];
      const undated = asOfSet && edge.earliest === null && edge.latest === null;
      const to = arrow(this.language);
      const from = this.language === 'ar' ? '→' : '←';
      steps.push(
        h(
          'li',
          { class: 'path-step' },
          h(
            'p',
            { class: 'hop' },
            this.nodeLink(a),
            h('span', { class: 'hop-edge' }, forward ? ` — ${word} ${to} ` : ` ${from} ${word} — `),
            this.nodeLink(b),
            ' ',
            certaintyBadge(edge.certainty, s),
            undated ? h('span', { class: 'badge badge-undated', title: s.pathUndatedHint }, s.pathUndated) : null,
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
      { class: `path-card${selected ? ' selected' : ''}` },
      h(
        'button',
        {
          type: 'button',
          class: 'path-title',
          'data-path-index': index,
          'aria-pressed': selected ? 'true' : 'false',
        },
        `${s.pathAlternative} ${index + 1} · ${s.pathSteps(path.length)}`,
      ),
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
