/**
 * The legend and the view options above it: size rule, colour rule, layout (native selects, so the keyboard and
 * screen readers know them) and "keep my arrangement". The legend says what the active rule and layout mean, from the
 * same entries the stylesheet is made of (style-rules.ts). All text through textContent.
 */
import { h, replaceChildren } from '../dom.ts';
import { LAYOUT_NAMES, type LayoutName } from '../graph/layouts/names.ts';
import {
  COLOUR_RULES,
  type ColourRule,
  type LegendEntry,
  legendEntries,
  type RuleInputs,
  SIZE_RULES,
  type SizeRule,
} from '../graph/style-rules.ts';
import type { Strings } from '../i18n.ts';
import type { LegendWords } from './legend-words.ts';

export interface LegendChoice {
  sizeBy: SizeRule;
  colourBy: ColourRule;
  layout: LayoutName;
  keep: boolean;
}

export interface LegendActions {
  onRules(sizeBy: SizeRule, colourBy: ColourRule): void;
  onLayout(layout: LayoutName): void;
  onKeep(keep: boolean): void;
}

export interface LegendContent {
  choice: LegendChoice;
  inputs: RuleInputs;
  /** Display name of a voice (an actor id). */
  nameOf(id: string): string;
}

/** What a legend entry stands for, in the interface language. */
export function entryName(entry: LegendEntry, words: LegendWords, s: Strings, nameOf: (id: string) => string): string {
  if (entry.kind === 'kind') return s.kinds[entry.key.toUpperCase() as keyof Strings['kinds']];
  if (entry.kind === 'certainty') return words.certainty[entry.key];
  if (entry.kind === 'voice') return nameOf(entry.key);
  return entry.kind === 'other-voice' ? words.otherVoice : words.noVoice;
}

/** A labelled select; its options' texts come in on every render (the language may have changed). */
function select(id: string, values: readonly string[], onChange: (value: string) => void): HTMLSelectElement {
  const element = h('select', { id, class: 'view-option-select' }, ...values.map((v) => h('option', { value: v })));
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

export class Legend {
  private readonly size: HTMLSelectElement;
  private readonly colour: HTMLSelectElement;
  private readonly layout: HTMLSelectElement;
  private readonly keep: HTMLInputElement;
  private readonly labels: HTMLLabelElement[];

  constructor(
    options: HTMLElement,
    private readonly body: HTMLElement,
    actions: LegendActions,
  ) {
    this.size = select('rule-size', SIZE_RULES, (v) => actions.onRules(v as SizeRule, this.colour.value as ColourRule));
    this.colour = select('rule-colour', COLOUR_RULES, (v) =>
      actions.onRules(this.size.value as SizeRule, v as ColourRule),
    );
    this.layout = select('layout-name', LAYOUT_NAMES, (v) => actions.onLayout(v as LayoutName));
    this.keep = h('input', { id: 'layout-keep', type: 'checkbox' });
    this.keep.addEventListener('change', () => actions.onKeep(this.keep.checked));
    this.labels = ['rule-size', 'rule-colour', 'layout-name', 'layout-keep'].map((id) => h('label', { for: id }));
    const [sizeLabel, colourLabel, layoutLabel, keepLabel] = this.labels as [
      HTMLLabelElement,
      HTMLLabelElement,
      HTMLLabelElement,
      HTMLLabelElement,
    ];
    replaceChildren(
      options,
      h('span', { class: 'view-option' }, sizeLabel, this.size),
      h('span', { class: 'view-option' }, colourLabel, this.colour),
      h('span', { class: 'view-option' }, layoutLabel, this.layout),
      h('span', { class: 'view-option' }, this.keep, keepLabel),
    );
  }

  /** Texts in the interface language, the controls set to the choice, and the legend of the active rule. */
  render(words: LegendWords, s: Strings, content: LegendContent): void {
    const { choice, inputs } = content;
    const texts = [words.size, words.colour, words.layout, words.keep];
    this.labels.forEach((label, i) => {
      label.textContent = texts[i] ?? '';
    });
    this.keep.title = words.keepHelp;
    const optionTexts = (element: HTMLSelectElement, names: Record<string, string>) => {
      for (const option of element.options) option.textContent = names[option.value] ?? option.value;
    };
    optionTexts(this.size, words.sizeRules);
    optionTexts(this.colour, words.colourRules);
    optionTexts(this.layout, words.layouts);
    this.size.value = choice.sizeBy;
    this.colour.value = choice.colourBy;
    this.layout.value = choice.layout;
    this.keep.checked = choice.keep;

    const entries = legendEntries({ size: choice.sizeBy, colour: choice.colourBy }, inputs.voices);
    const swatch = (entry: (typeof entries)[number]) => {
      if (entry.kind === 'kind') return h('span', { class: `legend-shape shape-${entry.key}` });
      // Through the CSSOM: the page's CSP allows no inline style attributes.
      const span = h('span', { class: 'legend-swatch' });
      span.style.backgroundColor = entry.swatch;
      return span;
    };
    const note = words.layoutNotes[choice.layout];
    replaceChildren(
      this.body,
      h(
        'ul',
        { class: 'legend-kinds', 'data-rule': choice.colourBy },
        entries.map((entry) => h('li', {}, swatch(entry), entryName(entry, words, s, content.nameOf))),
      ),
      choice.colourBy === 'voice' && inputs.voices.length === 0
        ? h('p', { class: 'legend-note' }, words.noVoices)
        : null,
      h('p', { class: 'legend-note legend-size' }, words.sizeNote[choice.sizeBy](inputs.maxCitations)),
      h('p', { class: 'legend-edges' }, s.legendEdges),
      note ? h('p', { class: 'legend-note legend-layout' }, note) : null,
    );
  }
}
