/** Perspective and time filters: show what chosen voices assert, or facts at least this certain. */
import { API_CERTAINTIES } from '../../../schema/vocabulary.ts';
import { h, replaceChildren } from '../dom.ts';
import type { Certainty } from '../generated/graphql.ts';
import type { Strings } from '../i18n.ts';
import type { TimeWindow } from '../ui-types.ts';

export interface FiltersOptions {
  /** The actors whose statements to show (the API's `attributedTo`). */
  onAttributedTo(actors: string[]): void;
  onMinCertainty(certainty: Certainty | null): void;
  onClearWindow(): void;
}

export interface FiltersView {
  /** Everyone who asserts something in the loaded graph: the voices to choose from. */
  voices: Array<{ id: string; name: string }>;
  attributedTo: readonly string[];
  minCertainty: Certainty | null;
  window: TimeWindow | null;
}

export class FiltersPanel {
  private strings!: Strings;
  private view: FiltersView = { voices: [], attributedTo: [], minCertainty: null, window: null };

  constructor(
    private readonly container: HTMLElement,
    private readonly options: FiltersOptions,
  ) {}

  setLanguage(strings: Strings): void {
    this.strings = strings;
    this.render(this.view);
  }

  render(view: FiltersView): void {
    this.view = view;
    if (!this.strings) return;
    const s = this.strings;
    // The panel is drawn anew on every change: the control the user is on keeps the focus (Space on a voice box).
    const active = document.activeElement;
    const focusedId = active instanceof HTMLElement && this.container.contains(active) ? active.id : '';
    const certainty = h('select', { class: 'select', id: 'filter-certainty' });
    certainty.append(h('option', { value: '' }, s.filtersAnyCertainty));
    for (const c of API_CERTAINTIES)
      certainty.append(h('option', { value: c, selected: view.minCertainty === c }, s.certainty[c]));
    certainty.addEventListener('change', () =>
      this.options.onMinCertainty((certainty.value || null) as Certainty | null),
    );

    const voices = view.voices.map((voice) => {
      const box = h('input', {
        type: 'checkbox',
        value: voice.id,
        id: `voice-${voice.id}`,
        checked: view.attributedTo.includes(voice.id),
      });
      box.addEventListener('change', () => {
        const chosen = new Set(view.attributedTo);
        if (box.checked) chosen.add(voice.id);
        else chosen.delete(voice.id);
        this.options.onAttributedTo([...chosen]);
      });
      return h('li', {}, h('label', { class: 'check', for: `voice-${voice.id}` }, box, ' ', voice.name));
    });
    const clearVoices = h(
      'button',
      { type: 'button', class: 'link small', id: 'filter-all-voices' },
      s.filtersAllVoices,
    );
    clearVoices.addEventListener('click', () => this.options.onAttributedTo([]));
    const clearWindow = h('button', { type: 'button', class: 'link small', id: 'filter-clear-window' }, s.clear);
    clearWindow.addEventListener('click', () => this.options.onClearWindow());

    replaceChildren(
      this.container,
      h(
        'section',
        { class: 'detail-section' },
        h('h3', {}, s.filtersWindow),
        view.window
          ? h('p', { class: 'date-line' }, `${view.window.from} – ${view.window.to} `, clearWindow)
          : h('p', { class: 'muted' }, s.filtersNoWindow),
      ),
      h(
        'section',
        { class: 'detail-section' },
        h('h3', {}, h('label', { for: 'filter-certainty' }, s.filtersCertainty)),
        certainty,
      ),
      h(
        'section',
        { class: 'detail-section' },
        h('h3', {}, s.filtersVoices),
        h('p', { class: 'muted small' }, s.filtersVoicesHint, ' ', view.attributedTo.length > 0 ? clearVoices : null),
        h('ul', { class: 'voice-list' }, voices),
      ),
    );
    if (focusedId) {
      const again = document.getElementById(focusedId);
      (again ?? this.container).focus({ preventScroll: true });
    }
  }
}
