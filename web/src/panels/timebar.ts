/**
 * The time bar that plays the graph: step through the days on which events and agreements enter it (the graph shown
 * as it stood by each day, the same "as of" as time-respecting paths), play at a chosen speed, and read what entered
 * at the current step (each a button that selects it, so its sentence shows in the details), under each the quote
 * that brought it in (shortened; whole on hover or while its button has the focus). Text only through textContent;
 * in Arabic the bar runs right to left like the timeline.
 */
import { h, isArabic, replaceChildren } from '../dom.ts';
import type { EdgeFieldsFragment, NodeFieldsFragment } from '../generated/graphql.ts';
import { mayBeLater, nodeDate } from '../graph/elements.ts';
import { enteringQuote, type PlaybackStep, playbackSteps, SPEEDS, stepAt, stepInterval } from '../graph/playback.ts';
import type { Strings } from '../i18n.ts';
import { $, showBanner } from '../page.ts';
import { formatPartial } from '../timeline/spans.ts';
import type { Language } from '../ui-types.ts';

export interface TimeBarOptions {
  /** Moves the cursor; null turns the time bar off. `push` for a user's step, `replace` while playing. */
  onDay(day: string | null, history: 'push' | 'replace'): void;
  onSelect(id: string): void;
  nameOf(id: string): string;
  /** The nodes of the graph now loaded. */
  nodes(): readonly NodeFieldsFragment[];
  /** The relationships loaded with them (their citations' quotes say what brought a node in). */
  edges(): readonly EdgeFieldsFragment[];
  /** Marks the nodes drawn as possibly later than the cursor (through the stylesheet). */
  markMayBeLater(ids: ReadonlySet<string>): void;
  /** The bar appeared or went: the graph re-frames around it. */
  onShownChange(): void;
  strings(): Strings;
}

export class TimeBar {
  private steps: PlaybackStep[] = [];
  private day: string | null = null;
  private speed = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private s: Strings;
  private language: Language = 'en';
  private readonly start = this.button('timebar-start', () => this.go(0, 'push'));
  private readonly back = this.button('timebar-back', () => this.go(this.index() - 1, 'push'));
  private readonly play = this.button('timebar-play', () => (this.timer ? this.pause() : this.resume()));
  private readonly forward = this.button('timebar-forward', () => this.go(this.index() + 1, 'push'));
  private readonly close = this.button('timebar-close', () => {
    this.pause();
    this.options.onDay(null, 'push');
  });
  private readonly speedSelect = h('select', { class: 'timebar-speed' });
  private readonly dayText = h('output', { class: 'timebar-day', 'aria-live': 'polite' });
  /** What entered at this step; it scrolls when long, so it takes the focus to be scrolled from the keyboard. */
  private readonly entered = h('div', { class: 'timebar-entered', tabindex: 0, role: 'region' });

  constructor(
    private readonly root: HTMLElement,
    private readonly options: TimeBarOptions,
  ) {
    this.s = options.strings();
    this.speedSelect.addEventListener('change', () => {
      this.speed = Number(this.speedSelect.value) || 1;
      if (this.timer) this.resume();
    });
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close.click();
      }
    });
    replaceChildren(
      root,
      h(
        'div',
        { class: 'timebar-controls' },
        this.start,
        this.back,
        this.play,
        this.forward,
        this.dayText,
        this.speedSelect,
        this.close,
      ),
      this.entered,
    );
    this.setLanguage('en');
  }

  setLanguage(language: Language): void {
    const s = this.options.strings();
    this.s = s;
    this.language = language;
    this.root.setAttribute('aria-label', s.timebarLabel);
    this.entered.setAttribute('aria-label', s.timebarEnteredLabel);
    const label = (b: HTMLButtonElement, text: string, icon: string) => {
      b.textContent = icon;
      b.setAttribute('aria-label', text);
      b.title = text;
    };
    label(this.start, s.timebarStart, '⏮');
    label(this.back, s.timebarBack, '◂');
    label(this.forward, s.timebarForward, '▸');
    label(this.close, s.timebarClose, '✕');
    this.speedSelect.setAttribute('aria-label', s.timebarSpeed);
    replaceChildren(
      this.speedSelect,
      SPEEDS.map((speed) =>
        h('option', { value: speed, selected: speed === this.speed }, `${speed.toLocaleString(language)}×`),
      ),
    );
    this.draw();
  }

  /** The steps of the graph now loaded, and the cursor (null: off). */
  update(steps: PlaybackStep[], day: string | null): void {
    this.steps = steps;
    this.day = day;
    const shownChanged = this.root.hidden !== (day === null);
    this.root.hidden = day === null;
    if (day === null) this.pause();
    this.draw();
    if (shownChanged) this.options.onShownChange();
  }

  /** The bar over the graph now loaded at the cursor `day` (null: off), and the nodes it draws as possibly later. */
  render(day: string | null): void {
    const nodes = this.options.nodes();
    this.update(playbackSteps(nodes), day);
    $('timebar-open').setAttribute('aria-expanded', String(day !== null));
    this.root.closest('.graph-pane')?.classList.toggle('is-playing', day !== null);
    const later = new Set<string>();
    if (day)
      for (const node of nodes) {
        const span = nodeDate(node);
        if (span && mayBeLater(span.earliest, span.latest, day)) later.add(node.id);
      }
    this.options.markMayBeLater(later);
  }

  /** Turns the bar off, or on at the first step (saying so when nothing is dated). */
  toggle(day: string | null): void {
    if (day) {
      this.pause();
      this.options.onDay(null, 'push');
      return;
    }
    const first = playbackSteps(this.options.nodes())[0];
    if (first) this.options.onDay(first.day, 'push');
    else showBanner(this.s.timebarNothingDated);
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  private button(className: string, action: () => void): HTMLButtonElement {
    const b = h('button', { type: 'button', class: `icon-button ${className}` });
    b.addEventListener('click', action);
    return b;
  }

  private index(): number {
    return this.day === null ? -1 : stepAt(this.steps, this.day);
  }

  private go(index: number, history: 'push' | 'replace'): void {
    const step = this.steps[Math.max(0, Math.min(this.steps.length - 1, index))];
    if (step) this.options.onDay(step.day, history);
  }

  private resume(): void {
    if (this.timer) clearTimeout(this.timer);
    // Playing from the last step starts again from the first.
    if (this.index() >= this.steps.length - 1) this.go(0, 'replace');
    const tick = () => {
      if (this.index() >= this.steps.length - 1) {
        this.pause();
        return;
      }
      this.go(this.index() + 1, 'replace');
      this.timer = setTimeout(tick, stepInterval(this.speed));
    };
    this.timer = setTimeout(tick, stepInterval(this.speed));
    this.draw();
  }

  private pause(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draw();
  }

  private draw(): void {
    const s = this.s;
    const index = this.index();
    const playing = this.timer !== null;
    this.play.textContent = playing ? '⏸' : '▶';
    this.play.setAttribute('aria-label', playing ? s.timebarPause : s.timebarPlay);
    this.play.title = playing ? s.timebarPause : s.timebarPlay;
    this.play.setAttribute('aria-pressed', String(playing));
    this.start.disabled = index <= 0;
    this.back.disabled = index <= 0;
    this.forward.disabled = index >= this.steps.length - 1;
    if (this.day === null) {
      this.dayText.textContent = '';
      replaceChildren(this.entered);
      return;
    }
    this.dayText.textContent = s.timebarAsOf(
      formatPartial(this.day, this.language),
      (index + 1).toLocaleString(this.language),
      this.steps.length.toLocaleString(this.language),
    );
    const step = this.steps[index];
    if (!step || step.day !== this.day) {
      replaceChildren(this.entered, h('span', { class: 'timebar-note' }, s.timebarNothingNew));
      return;
    }
    const edges = this.options.edges();
    replaceChildren(
      this.entered,
      h('span', { class: 'timebar-note' }, s.timebarEntered(step.entering.length.toLocaleString(this.language))),
      step.entering.map((id) => {
        const b = h('button', { type: 'button', class: 'link-button' }, this.options.nameOf(id));
        b.addEventListener('click', () => {
          this.pause();
          this.options.onSelect(id);
        });
        const quote = enteringQuote(id, step.day, edges);
        return h('span', { class: 'timebar-item', 'data-id': id }, b, quote === null ? null : quoteElement(quote));
      }),
    );
  }
}

/** A source quote, in its own language and direction (the article's are Arabic), its whole text as the title. */
function quoteElement(quote: string): HTMLElement {
  const arabic = isArabic(quote);
  const q = h('q', { class: 'timebar-quote', lang: arabic ? 'ar' : null, dir: arabic ? 'rtl' : 'auto' }, quote);
  q.title = quote;
  return q;
}
