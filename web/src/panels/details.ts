/**
 * The details panel: names in both scripts, kind, dates at their precision, related items, and every
 * citation with its Arabic quote, translation, who asserts it, a certainty badge, and the quote
 * highlighted in its source's full text.
 */
import { fetchDetails, fetchSourceText, type NodeDetails } from '../api.ts';
import { bidi, h, isArabic, replaceChildren } from '../dom.ts';
import type {
  Certainty,
  CitationFieldsFragment,
  ClaimFieldsFragment,
  DateFieldsFragment,
  DisputedCitationFieldsFragment,
  EdgeFieldsFragment,
  NodeRefFragment,
} from '../generated/graphql.ts';
import { edgeLabel, nodeCertainty, nodeDate, nodeSubtype } from '../graph/elements.ts';
import { localeOf, type Strings } from '../i18n.ts';
import { formatPartial } from '../timeline/spans.ts';
import type { Language } from '../ui-types.ts';
import { relationWord, roleWord, typeWord } from '../words.ts';

export interface DetailsOptions {
  onNavigate(id: string): void;
  onExpand(id: string): void;
  onFocus(id: string): void;
  /** Names of actors and nodes already loaded, to label attributions without a request. */
  nameOf(id: string): string | null;
}

/** The details of one kind of node (`__typename` Actor, Place, Event, Agreement or Source). */
type DetailsOf<T extends NodeDetails['__typename']> = Extract<NodeDetails, { __typename: T }>;
type Term = DetailsOf<'Agreement'>['terms'][number];
/** A citation as the panel shows it; some come with the citations that contradict them. */
type CitedFragment = CitationFieldsFragment | DisputedCitationFieldsFragment;

const sourceTexts = new Map<string, Promise<string | null>>();

/**
 * "Jan 2019 – Mar 2019 (approximate)" at the precision the source gives, in the interface language's words and
 * month names; "… – 2014" when there is no known start.
 */
export function formatDate(date: DateFieldsFragment | null | undefined, s: Strings, language: Language = 'en'): string {
  if (!date) return '';
  const locale = localeOf(language);
  const start = date.start ? formatPartial(date.start, locale) : `… (${s.dateUnknownStart})`;
  const span = date.end && date.end !== date.start ? `${start} – ${formatPartial(date.end, locale)}` : start;
  return date.approximate ? `${span} (${s.approximate})` : span;
}

/** The arrow from the first-named to the second-named end, pointing the way the interface reads. */
export const arrow = (language: Language): string => (language === 'ar' ? '←' : '→');

export function certaintyBadge(certainty: Certainty | null | undefined, s: Strings): HTMLElement | null {
  if (!certainty) return null;
  return h('span', { class: `badge certainty-${certainty.toLowerCase()}` }, s.certainty[certainty]);
}

export class DetailsPanel {
  private strings!: Strings;
  private language: Language = 'en';
  private current: { id: string; edge: EdgeFieldsFragment | null } | null = null;
  private request = 0;
  private readonly sourceOpeners = new WeakMap<HTMLButtonElement, () => Promise<void>>();

  constructor(
    private readonly container: HTMLElement,
    private readonly options: DetailsOptions,
  ) {}

  setLanguage(strings: Strings, language: Language): void {
    // A full render of the page passes the same language again: nothing to redraw then.
    if (strings === this.strings && language === this.language) return;
    this.strings = strings;
    this.language = language;
    if (this.current) void this.show(this.current.id, this.current.edge, { redraw: true });
    else this.empty();
  }

  empty(): void {
    this.current = null;
    replaceChildren(this.container, h('p', { class: 'empty-state' }, this.strings.detailsEmpty));
  }

  /**
   * Shows a node (fetched) or an edge (from the loaded graph). Asked again for what it shows (or is loading) already,
   * it does nothing unless `redraw`: a second render would replace the panel under a reader's eyes (and a test's).
   */
  async show(id: string | null, edge: EdgeFieldsFragment | null = null, { redraw = false } = {}): Promise<void> {
    if (!id) return this.empty();
    if (!redraw && this.current?.id === id && (this.current.edge?.id ?? null) === (edge?.id ?? null)) return;
    this.current = { id, edge };
    if (edge) return this.showEdge(edge);
    const request = ++this.request;
    replaceChildren(this.container, h('p', { class: 'loading-state' }, this.strings.loading));
    try {
      const node = await fetchDetails(id);
      if (request !== this.request) return;
      if (!node) return this.empty();
      this.showNode(node);
    } catch (error) {
      if (request !== this.request) return;
      // Not shown: asking for it again (the view reloading once the database is back) fetches it again.
      this.current = null;
      replaceChildren(
        this.container,
        h(
          'div',
          { class: 'error-state' },
          h('strong', {}, this.strings.errorTitle),
          h('p', {}, (error as Error).message),
        ),
      );
    }
  }

  /**
   * "Show in source": shows the node or edge and opens its first citation in the source text; says so in the panel
   * when nothing cites it.
   */
  async revealSource(id: string, edge: EdgeFieldsFragment | null, noSource: string): Promise<void> {
    await this.show(id, edge, { redraw: true });
    if (this.current?.id !== id) return;
    const toggle = this.container.querySelector<HTMLButtonElement>('.citation .source-toggle');
    if (!toggle) {
      this.container.append(h('p', { class: 'empty-state source-missing' }, noSource));
      return;
    }
    await this.sourceOpeners.get(toggle)?.();
    toggle.focus();
  }

  private link(ref: NodeRefFragment | null | undefined, extra?: string | null): HTMLElement | null {
    if (!ref) return null;
    const name = this.language === 'ar' ? (ref.nameAr ?? ref.name) : ref.name;
    const button = h(
      'button',
      { type: 'button', class: `link kind-${ref.kind.toLowerCase()}`, 'data-id': ref.id },
      h('span', { class: `kind-dot kind-${ref.kind.toLowerCase()}` }),
      name,
    );
    button.addEventListener('click', () => this.options.onNavigate(ref.id));
    return h('li', {}, button, extra ? h('span', { class: 'muted' }, ` · ${extra}`) : null);
  }

  private section(title: string, ...content: Array<Node | null>): HTMLElement | null {
    const items = content.filter((c): c is Node => c !== null);
    if (items.length === 0) return null;
    return h('section', { class: 'detail-section' }, h('h3', {}, title), ...items);
  }

  private list(items: Array<HTMLElement | null>): HTMLElement | null {
    const present = items.filter((i): i is HTMLElement => i !== null);
    return present.length > 0 ? h('ul', { class: 'ref-list' }, present) : null;
  }

  /** Whether the Arabic name is the article's own words or the editors' (their note in the tooltip). */
  private nameOrigin(origin: NodeDetails['nameArOrigin']): HTMLElement | null {
    if (!origin) return null;
    const s = this.strings;
    const editors = origin.origin === 'editors';
    return h(
      'p',
      { class: `muted small name-origin name-origin-${editors ? 'editors' : 'article'}`, title: origin.note },
      editors ? s.nameArByEditors : s.nameArQuoted,
      !editors && origin.start !== null && origin.end !== null ? ` (${origin.start}–${origin.end})` : '',
    );
  }

  /** The aliases, those from outside the article marked so. */
  private aliases(aliases: string[], outside: string[]): HTMLElement | null {
    if (aliases.length === 0) return null;
    const external = new Set(outside);
    return h(
      'p',
      { class: 'aliases' },
      ...aliases.flatMap((a, i) => [
        i > 0 ? ' · ' : '',
        external.has(a)
          ? h(
              'span',
              { class: 'alias alias-outside' },
              bidi(a, isArabic(a) ? 'ar' : 'en'),
              h('span', { class: 'muted small' }, ` (${this.strings.outsideAlias})`),
            )
          : h('span', { class: 'alias' }, bidi(a, isArabic(a) ? 'ar' : 'en')),
      ]),
    );
  }

  private header(node: NodeDetails): HTMLElement {
    const s = this.strings;
    const { name, nameAr, kind, aliases } = node;
    const subtype = node.__typename === 'Source' ? null : nodeSubtype(node);
    const primary = this.language === 'ar' && nameAr ? bidi(nameAr, 'ar') : bidi(name, 'en');
    const secondary = this.language === 'ar' ? bidi(name, 'en') : nameAr ? bidi(nameAr, 'ar') : null;
    return h(
      'header',
      { class: 'detail-header' },
      h('h2', { class: 'detail-title' }, primary),
      secondary ? h('p', { class: 'detail-alt-name' }, secondary) : null,
      nameAr ? this.nameOrigin(node.nameArOrigin) : null,
      h(
        'p',
        { class: 'detail-meta' },
        h('span', { class: `badge kind-${kind.toLowerCase()}` }, s.kinds[kind] ?? kind),
        subtype ? h('span', { class: 'badge badge-plain' }, typeWord(subtype, this.language)) : null,
        certaintyBadge(nodeCertainty(node), s),
      ),
      this.aliases(aliases, node.aliasesOutside),
    );
  }

  /** A role's label, with how the editors identified the actor when the source does not name it. */
  private roleLabel(role: string, inferred: string | null, side?: string | null): string {
    const parts = [side ?? '', roleWord(role, this.language), inferred ? this.strings.inferredBy : ''];
    return parts.filter(Boolean).join(' · ');
  }

  private actions(id: string, expandable: boolean): HTMLElement {
    const expand = h('button', { type: 'button', class: 'button' }, this.strings.expand);
    expand.addEventListener('click', () => this.options.onExpand(id));
    const focus = h('button', { type: 'button', class: 'button' }, this.strings.focus);
    focus.addEventListener('click', () => this.options.onFocus(id));
    return h('div', { class: 'detail-actions' }, expandable ? expand : null, focus);
  }

  private showNode(node: NodeDetails): void {
    const s = this.strings;
    const date = nodeDate(node);
    const claims = node.__typename === 'Source' ? [] : node.claims;
    const disagreement = (property: string) =>
      claims.some((c) => c.property === property)
        ? h('p', { class: 'muted small contested-here' }, s.contestedBelow)
        : null;
    const parts: Array<HTMLElement | null> = [this.header(node), this.actions(node.id, node.kind !== 'SOURCE')];
    // The dataset's descriptions are written in English only: shown as English text, and said so in Arabic.
    if (node.__typename !== 'Source' && node.description)
      parts.push(
        h(
          'p',
          { class: 'description' },
          this.language === 'ar' ? h('span', { class: 'badge badge-plain' }, s.englishOnly) : null,
          this.language === 'ar' ? ' ' : null,
          bidi(node.description, 'en'),
        ),
      );
    if (date)
      parts.push(
        this.section(
          s.date,
          h('p', { class: 'date-line' }, formatDate(date, s, this.language)),
          date.expression ? h('p', {}, bidi(date.expression, 'ar')) : null,
          date.inferred ? h('p', { class: 'muted small' }, `${s.inferred}: `, bidi(date.inferred, 'en')) : null,
          disagreement('date'),
        ),
      );
    if (node.__typename === 'Agreement' && node.status)
      parts.push(this.section(s.status, h('p', {}, typeWord(node.status, this.language)), disagreement('status')));
    parts.push(this.claims(claims));
    switch (node.__typename) {
      case 'Actor':
        parts.push(...this.actorSections(node));
        break;
      case 'Place':
        parts.push(...this.placeSections(node));
        break;
      case 'Event':
        parts.push(...this.eventSections(node));
        break;
      case 'Agreement':
        parts.push(...this.agreementSections(node));
        break;
    }
    parts.push(this.citations(node.citations));
    replaceChildren(this.container, h('article', { class: 'details', 'data-id': node.id }, parts));
  }

  private actorSections(actor: DetailsOf<'Actor'>): Array<HTMLElement | null> {
    const s = this.strings;
    return [
      this.section(
        s.affiliations,
        this.list(
          actor.affiliations.map((a) =>
            this.link(
              a.actor,
              `${a.direction === 'OUTGOING' ? '' : `${arrow(this.language === 'ar' ? 'en' : 'ar')} `}${relationWord(a.type, this.language)}`,
            ),
          ),
        ),
      ),
      this.section(
        s.events,
        this.list(
          actor.participations.map((p) =>
            this.link(p.event, `${roleWord(p.role, this.language)} · ${formatDate(p.event.date, s, this.language)}`),
          ),
        ),
      ),
      this.section(
        s.parties,
        this.list(actor.agreements.map((p) => this.link(p.agreement, roleWord(p.role, this.language)))),
      ),
    ];
  }

  private placeSections(place: DetailsOf<'Place'>): Array<HTMLElement | null> {
    const s = this.strings;
    const { coordinates } = place;
    return [
      this.section(
        s.partOf,
        this.list([this.link(place.parent, place.parentOrigin === 'gazetteer' ? s.fromGazetteer : null)]),
      ),
      this.section(s.contains, this.list(place.children.map((c) => this.link(c)))),
      coordinates
        ? this.section(
            s.coordinates,
            h('p', {}, `${coordinates.lat.toFixed(3)}, ${coordinates.lon.toFixed(3)}`),
            coordinates.origin === 'gazetteer' ? h('p', { class: 'muted small' }, s.fromGazetteer) : null,
            coordinates.entry
              ? h(
                  'p',
                  { class: 'muted small gazetteer-entry' },
                  `${s.gazetteerEntry}: ${coordinates.entry.name} (${coordinates.entry.id})`,
                  coordinates.gazetteer ? ` · ${coordinates.gazetteer}` : '',
                )
              : null,
          )
        : null,
      this.section(s.events, this.list(place.events.map((e) => this.link(e, formatDate(e.date, s, this.language))))),
    ];
  }

  private eventSections(event: DetailsOf<'Event'>): Array<HTMLElement | null> {
    const s = this.strings;
    return [
      this.section(s.partOf, this.list([this.link(event.partOf)])),
      this.section(
        s.participants,
        this.list(event.participants.map((p) => this.link(p.actor, this.roleLabel(p.role, p.inferred)))),
      ),
      this.section(s.places, this.list(event.places.map((p) => this.link(p.place, roleWord(p.role, this.language))))),
      this.figures(event.figures),
    ];
  }

  private agreementSections(agreement: DetailsOf<'Agreement'>): Array<HTMLElement | null> {
    const s = this.strings;
    return [
      this.section(
        s.parties,
        this.list(agreement.parties.map((p) => this.link(p.actor, this.roleLabel(p.role, p.inferred, p.side)))),
      ),
      this.section(s.terms, ...agreement.terms.map((t) => this.term(t))),
      this.section(s.rejectedBy, this.list(agreement.rejectedBy.map((r) => this.link(r.actor)))),
      this.section(s.places, this.list(agreement.places.map((p) => this.link(p)))),
      this.figures(agreement.figures),
    ];
  }

  /** Where the datasets disagree (a date, a type, coordinates): every version side by side, each with its sources. */
  private claims(claims: ClaimFieldsFragment[]): HTMLElement | null {
    if (claims.length === 0) return null;
    const s = this.strings;
    return h(
      'section',
      { class: 'detail-section claims' },
      h('h3', {}, s.contested),
      h('p', { class: 'muted small' }, s.contestedNote),
      h(
        'ul',
        { class: 'claim-list' },
        claims.map((c) =>
          h(
            'li',
            { class: 'claim', 'data-property': c.property },
            h(
              'p',
              { class: 'claim-value' },
              h('span', { class: 'badge badge-plain' }, typeWord(c.property, this.language)),
              ' ',
              bidi(c.value, isArabic(c.value) ? 'ar' : 'en'),
              ' ',
              certaintyBadge(c.certainty, s),
            ),
            h('p', { class: 'muted small' }, `${s.statedIn}: ${c.datasets.join(', ')}`),
            this.citationList(c.citations),
          ),
        ),
      ),
    );
  }

  private term(term: Term): HTMLElement {
    return h(
      'div',
      { class: 'term' },
      h(
        'p',
        {},
        h('span', { class: 'badge badge-plain' }, typeWord(term.type, this.language)),
        ' ',
        bidi(term.description, 'en'),
      ),
      this.list(term.places.map((p) => this.link(p.place, roleWord(p.role, this.language)))),
      this.figures(term.figures),
      this.citationList(term.citations),
    );
  }

  private figures(figures: ReadonlyArray<{ label: string; citations: CitationFieldsFragment[] }>): HTMLElement | null {
    if (figures.length === 0) return null;
    return this.section(
      this.strings.figures,
      h(
        'ul',
        { class: 'figure-list' },
        figures.map((f) => h('li', {}, h('strong', {}, f.label), this.citationList(f.citations))),
      ),
    );
  }

  private showEdge(edge: EdgeFieldsFragment): void {
    const s = this.strings;
    const from = this.options.nameOf(edge.source) ?? edge.source;
    const to = this.options.nameOf(edge.target) ?? edge.target;
    const fromLink = h('button', { type: 'button', class: 'link' }, from);
    fromLink.addEventListener('click', () => this.options.onNavigate(edge.source));
    const toLink = h('button', { type: 'button', class: 'link' }, to);
    toLink.addEventListener('click', () => this.options.onNavigate(edge.target));
    replaceChildren(
      this.container,
      h(
        'article',
        { class: 'details', 'data-id': edge.id },
        h(
          'header',
          { class: 'detail-header' },
          h(
            'h2',
            { class: 'detail-title edge-title' },
            fromLink,
            h('span', { class: 'edge-arrow' }, ` — ${edgeLabel(edge, this.language)} ${arrow(this.language)} `),
            toLink,
          ),
          h(
            'p',
            { class: 'detail-meta' },
            h('span', { class: 'badge badge-plain' }, relationWord(edge.type, this.language)),
            certaintyBadge(edge.certainty, s),
          ),
          // A relationship's own wording ("of an earlier deal moving ISIS…"), English in the dataset.
          edge.label && edge.type !== 'PARTICIPATED_IN' && edge.type !== 'PARTY_TO'
            ? h('p', { class: 'edge-note' }, bidi(edge.label, 'en'))
            : null,
        ),
        edge.earliest || edge.latest
          ? h(
              'p',
              { class: 'date-line' },
              formatDate(
                { start: edge.earliest, end: edge.latest, approximate: false } as DateFieldsFragment,
                s,
                this.language,
              ),
            )
          : null,
        this.citations(edge.citations),
      ),
    );
  }

  private citations(citations: CitedFragment[]): HTMLElement {
    return h(
      'section',
      { class: 'detail-section citations' },
      h('h3', {}, this.strings.citations),
      this.citationList(citations),
    );
  }

  private citationList(citations: CitedFragment[]): HTMLElement | null {
    if (citations.length === 0) return null;
    return h(
      'ol',
      { class: 'citation-list' },
      citations.map((c) => this.citation(c)),
    );
  }

  /** The citations that contradict one, each shown as a citation under "Disputed by". */
  private disputedBy(c: CitedFragment): HTMLElement | null {
    const others = 'contradictedBy' in c ? (c.contradictedBy ?? []) : [];
    if (others.length === 0) return null;
    return h(
      'div',
      { class: 'disputed-by' },
      h('p', { class: 'disputed-by-title' }, h('strong', {}, `${this.strings.disputedBy}:`)),
      h(
        'ol',
        { class: 'citation-list' },
        others.map((other) => this.citation(other)),
      ),
    );
  }

  /** One citation: the quote as written (RTL for Arabic), its translation, who asserts it, how certain. */
  private citation(c: CitedFragment): HTMLElement {
    const s = this.strings;
    const voice = c.attributedActor
      ? this.language === 'ar'
        ? (c.attributedActor.nameAr ?? c.attributedActor.name)
        : c.attributedActor.name
      : (c.attributedTo ?? '');
    const outlet = this.language === 'ar' ? (c.source.outletAr ?? c.source.outlet) : c.source.outlet;
    const viewer = h('div', { class: 'source-viewer', hidden: true });
    const toggle = h('button', { type: 'button', class: 'link small source-toggle' }, s.showInSource);
    toggle.addEventListener('click', () => void this.toggleSource(c, viewer, toggle));
    this.sourceOpeners.set(toggle, () => this.toggleSource(c, viewer, toggle));
    const quoteLang = isArabic(c.quote) ? 'ar' : 'en';
    return h(
      'li',
      { class: `citation certainty-${c.certainty.toLowerCase()}` },
      h('blockquote', { lang: quoteLang, dir: quoteLang === 'ar' ? 'rtl' : 'ltr', class: 'quote' }, c.quote),
      c.translation ? h('p', { class: 'translation', lang: 'en', dir: 'ltr' }, c.translation) : null,
      h(
        'p',
        { class: 'citation-meta' },
        certaintyBadge(c.certainty, s),
        h('span', {}, `${s.assertedBy} `, h('strong', {}, voice)),
        h('span', { class: 'muted' }, ` · ${outlet}`),
      ),
      c.note ? h('p', { class: 'muted small' }, c.note) : null,
      c.start !== null && c.end !== null ? toggle : null,
      viewer,
      this.disputedBy(c),
    );
  }

  private async toggleSource(c: CitationFieldsFragment, viewer: HTMLElement, toggle: HTMLButtonElement): Promise<void> {
    if (!viewer.hidden) {
      viewer.hidden = true;
      toggle.textContent = this.strings.showInSource;
      return;
    }
    toggle.textContent = this.strings.hideSource;
    viewer.hidden = false;
    replaceChildren(viewer, h('p', { class: 'loading-state' }, this.strings.loading));
    let text = sourceTexts.get(c.source.id);
    if (!text) {
      text = fetchSourceText(c.source.id);
      sourceTexts.set(c.source.id, text);
    }
    const full = await text.catch(() => null);
    if (full === null || c.start === null || c.end === null) {
      replaceChildren(viewer, h('p', { class: 'error-state' }, this.strings.errorGeneric));
      return;
    }
    const mark = h('mark', {}, full.slice(c.start, c.end));
    replaceChildren(
      viewer,
      h('div', { class: 'source-text', lang: 'ar', dir: 'rtl' }, full.slice(0, c.start), mark, full.slice(c.end)),
    );
    mark.scrollIntoView({ block: 'center' });
  }
}
