/**
 * The details panel: names in both scripts, kind, dates at their precision, related items, and every
 * citation with its Arabic quote, translation, who asserts it, a certainty badge, and the quote
 * highlighted in its source's full text.
 */
import { type ApiCitation, type ApiClaim, type ApiDate, type ApiEdge, fetchDetails, fetchSourceText } from '../api.ts';
import { bidi, h, isArabic, replaceChildren } from '../dom.ts';
import { edgeLabel } from '../graph/elements.ts';
import { humanize, type Strings } from '../i18n.ts';
import type { Certainty, Language } from '../types.ts';

export interface DetailsOptions {
  onNavigate(id: string): void;
  onExpand(id: string): void;
  onFocus(id: string): void;
  /** Names of actors and nodes already loaded, to label attributions without a request. */
  nameOf(id: string): string | null;
}

interface Ref {
  id: string;
  kind: string;
  name: string;
  nameAr: string | null;
}

type Json = Record<string, unknown>;

const sourceTexts = new Map<string, Promise<string | null>>();

/** "2019-01 – 2019-03 ~" with the precision the source gives; "… – 2014" when there is no known start. */
export function formatDate(date: ApiDate | null | undefined, s: Strings): string {
  if (!date) return '';
  const start = date.start ?? `… (${s.dateUnknownStart})`;
  const span = date.end && date.end !== date.start ? `${start} – ${date.end}` : start;
  return date.approximate ? `${span} (${s.approximate})` : span;
}

export function certaintyBadge(certainty: Certainty | null | undefined, s: Strings): HTMLElement | null {
  if (!certainty) return null;
  return h('span', { class: `badge certainty-${certainty.toLowerCase()}` }, s.certainty[certainty]);
}

export class DetailsPanel {
  private strings!: Strings;
  private language: Language = 'en';
  private current: { id: string; edge: ApiEdge | null } | null = null;
  private request = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: DetailsOptions,
  ) {}

  setLanguage(strings: Strings, language: Language): void {
    this.strings = strings;
    this.language = language;
    if (this.current) void this.show(this.current.id, this.current.edge);
    else this.empty();
  }

  empty(): void {
    this.current = null;
    replaceChildren(this.container, h('p', { class: 'empty-state' }, this.strings.detailsEmpty));
  }

  /** Shows a node (fetched) or an edge (from the loaded graph). */
  async show(id: string | null, edge: ApiEdge | null = null): Promise<void> {
    if (!id) return this.empty();
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

  private link(ref: Ref | null | undefined, extra?: string | null): HTMLElement | null {
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

  private header(node: Json): HTMLElement {
    const s = this.strings;
    const name = String(node.name);
    const nameAr = (node.nameAr as string | null) ?? null;
    const kind = String(node.kind) as keyof Strings['kinds'];
    const subtype = (node.actorKind ?? node.placeKind ?? node.eventType ?? node.status) as string | undefined;
    const primary = this.language === 'ar' && nameAr ? bidi(nameAr, 'ar') : bidi(name, 'en');
    const secondary = this.language === 'ar' ? bidi(name, 'en') : nameAr ? bidi(nameAr, 'ar') : null;
    const aliases = (node.aliases as string[] | undefined) ?? [];
    return h(
      'header',
      { class: 'detail-header' },
      h('h2', { class: 'detail-title' }, primary),
      secondary ? h('p', { class: 'detail-alt-name' }, secondary) : null,
      h(
        'p',
        { class: 'detail-meta' },
        h('span', { class: `badge kind-${kind.toLowerCase()}` }, s.kinds[kind] ?? kind),
        subtype ? h('span', { class: 'badge badge-plain' }, humanize(subtype)) : null,
        certaintyBadge(node.certainty as Certainty | null, s),
      ),
      aliases.length > 0
        ? h(
            'p',
            { class: 'aliases' },
            ...aliases.flatMap((a, i) => [i > 0 ? ' · ' : '', bidi(a, isArabic(a) ? 'ar' : 'en')]),
          )
        : null,
    );
  }

  private actions(id: string, expandable: boolean): HTMLElement {
    const expand = h('button', { type: 'button', class: 'button' }, this.strings.expand);
    expand.addEventListener('click', () => this.options.onExpand(id));
    const focus = h('button', { type: 'button', class: 'button' }, this.strings.focus);
    focus.addEventListener('click', () => this.options.onFocus(id));
    return h('div', { class: 'detail-actions' }, expandable ? expand : null, focus);
  }

  private showNode(node: Json): void {
    const s = this.strings;
    const id = String(node.id);
    const date = node.date as ApiDate | null | undefined;
    const claims = (node.claims as ApiClaim[] | undefined) ?? [];
    const disagreement = (property: string) =>
      claims.some((c) => c.property === property)
        ? h('p', { class: 'muted small contested-here' }, s.contestedBelow)
        : null;
    const parts: Array<HTMLElement | null> = [this.header(node), this.actions(id, node.kind !== 'SOURCE')];
    if (node.description) parts.push(h('p', { class: 'description' }, String(node.description)));
    if (date)
      parts.push(
        this.section(
          s.date,
          h('p', { class: 'date-line' }, formatDate(date, s)),
          date.expression ? h('p', {}, bidi(date.expression, 'ar')) : null,
          date.inferred ? h('p', { class: 'muted small' }, `${s.inferred}: ${date.inferred}`) : null,
          disagreement('date'),
        ),
      );
    if (node.status)
      parts.push(this.section(s.status, h('p', {}, humanize(String(node.status))), disagreement('status')));
    parts.push(this.claims(claims));
    const refs = (key: string, map: (item: Json) => HTMLElement | null) =>
      this.list(((node[key] as Json[] | undefined) ?? []).map(map));

    switch (node.kind) {
      case 'ACTOR':
        parts.push(
          this.section(
            s.affiliations,
            refs('affiliations', (a) =>
              this.link(a.actor as Ref, `${a.direction === 'OUTGOING' ? '' : '← '}${humanize(String(a.type))}`),
            ),
          ),
          this.section(
            s.events,
            refs('participations', (p) =>
              this.link(
                p.event as Ref,
                `${humanize(String(p.role))} · ${formatDate((p.event as Json).date as ApiDate, s)}`,
              ),
            ),
          ),
          this.section(
            s.parties,
            refs('agreements', (p) => this.link(p.agreement as Ref, humanize(String(p.role)))),
          ),
        );
        break;
      case 'PLACE': {
        const coordinates = node.coordinates as { lat: number; lon: number; origin: string } | null;
        parts.push(
          this.section(
            s.partOf,
            this.list([this.link(node.parent as Ref, node.parentOrigin === 'gazetteer' ? s.fromGazetteer : null)]),
          ),
          this.section(
            s.contains,
            refs('children', (c) => this.link(c as unknown as Ref)),
          ),
          coordinates
            ? this.section(
                s.coordinates,
                h('p', {}, `${coordinates.lat.toFixed(3)}, ${coordinates.lon.toFixed(3)}`),
                coordinates.origin === 'gazetteer' ? h('p', { class: 'muted small' }, s.fromGazetteer) : null,
              )
            : null,
          this.section(
            s.events,
            refs('events', (e) => this.link(e as unknown as Ref, formatDate(e.date as ApiDate, s))),
          ),
        );
        break;
      }
      case 'EVENT':
        parts.push(
          this.section(s.partOf, this.list([this.link(node.partOf as Ref)])),
          this.section(
            s.participants,
            refs('participants', (p) => this.link(p.actor as Ref, humanize(String(p.role)))),
          ),
          this.section(
            s.places,
            refs('places', (p) => this.link(p.place as Ref, humanize(String(p.role)))),
          ),
          this.figures(node.figures as Json[] | undefined),
        );
        break;
      case 'AGREEMENT':
        parts.push(
          this.section(
            s.parties,
            refs('parties', (p) =>
              this.link(
                p.actor as Ref,
                [p.side ? `${p.side}` : '', humanize(String(p.role))].filter(Boolean).join(' · '),
              ),
            ),
          ),
          this.section(s.terms, ...((node.terms as Json[] | undefined) ?? []).map((t) => this.term(t))),
          this.section(
            s.rejectedBy,
            refs('rejectedBy', (r) => this.link(r.actor as Ref)),
          ),
          this.section(
            s.places,
            refs('places', (p) => this.link(p as unknown as Ref)),
          ),
          this.figures(node.figures as Json[] | undefined),
        );
        break;
    }
    parts.push(this.citations((node.citations as ApiCitation[] | undefined) ?? []));
    replaceChildren(this.container, h('article', { class: 'details', 'data-id': id }, parts));
  }

  /** Where the datasets disagree (a date, a type, coordinates): every version side by side, each with its sources. */
  private claims(claims: ApiClaim[]): HTMLElement | null {
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
              h('span', { class: 'badge badge-plain' }, humanize(c.property)),
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

  private term(term: Json): HTMLElement {
    const places = ((term.places as Json[] | undefined) ?? []).map((p) =>
      this.link(p.place as Ref, humanize(String(p.role))),
    );
    return h(
      'div',
      { class: 'term' },
      h('p', {}, h('span', { class: 'badge badge-plain' }, humanize(String(term.type))), ' ', String(term.description)),
      this.list(places),
      this.figures(term.figures as Json[] | undefined),
      this.citationList((term.citations as ApiCitation[] | undefined) ?? []),
    );
  }

  private figures(figures: Json[] | undefined): HTMLElement | null {
    if (!figures || figures.length === 0) return null;
    return this.section(
      this.strings.figures,
      h(
        'ul',
        { class: 'figure-list' },
        figures.map((f) =>
          h('li', {}, h('strong', {}, String(f.label)), this.citationList((f.citations as ApiCitation[]) ?? [])),
        ),
      ),
    );
  }

  private showEdge(edge: ApiEdge): void {
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
            h('span', { class: 'edge-arrow' }, ` — ${edgeLabel(edge)} → `),
            toLink,
          ),
          h(
            'p',
            { class: 'detail-meta' },
            h('span', { class: 'badge badge-plain' }, humanize(edge.type)),
            certaintyBadge(edge.certainty, s),
          ),
        ),
        edge.earliest ? h('p', { class: 'date-line' }, `${edge.earliest} – ${edge.latest ?? ''}`) : null,
        this.citations(edge.citations),
      ),
    );
  }

  private citations(citations: ApiCitation[]): HTMLElement {
    return h(
      'section',
      { class: 'detail-section citations' },
      h('h3', {}, this.strings.citations),
      this.citationList(citations),
    );
  }

  private citationList(citations: ApiCitation[]): HTMLElement | null {
    if (citations.length === 0) return null;
    return h(
      'ol',
      { class: 'citation-list' },
      citations.map((c) => this.citation(c)),
    );
  }

  /** One citation: the quote as written (RTL for Arabic), its translation, who asserts it, how certain. */
  private citation(c: ApiCitation): HTMLElement {
    const s = this.strings;
    const voice = c.attributedActor
      ? this.language === 'ar'
        ? (c.attributedActor.nameAr ?? c.attributedActor.name)
        : c.attributedActor.name
      : (c.attributedTo ?? '');
    const outlet = this.language === 'ar' ? (c.source.outletAr ?? c.source.outlet) : c.source.outlet;
    const viewer = h('div', { class: 'source-viewer', hidden: true });
    const toggle = h('button', { type: 'button', class: 'link small' }, s.showInSource);
    toggle.addEventListener('click', () => void this.toggleSource(c, viewer, toggle));
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
    );
  }

  private async toggleSource(c: ApiCitation, viewer: HTMLElement, toggle: HTMLButtonElement): Promise<void> {
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
