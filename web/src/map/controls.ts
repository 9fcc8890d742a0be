/**
 * The map's elements and its chrome: the SVG layers, the zoom and reset buttons, the note on approximate
 * positions, and the status card for the empty, loading and error states (a live region, rebuilt only when it
 * changes so it does not announce the same thing on every update).
 */
import { h, svgEl } from '../dom.ts';
import type { MapModel, MapParts, PlaceDatum } from './model.ts';

function icon(paths: string[]): SVGSVGElement {
  return svgEl(
    'svg',
    { class: 'map-icon', viewBox: '0 0 20 20', 'aria-hidden': 'true', focusable: 'false' },
    paths.map((d) => svgEl('path', { d })),
  );
}

/** The map's elements, in `root` (not yet in the page). */
export function buildParts(): MapParts {
  const water = svgEl('rect', { class: 'map-water' });
  const graticulePath = svgEl('path', { class: 'map-graticule' });
  const countryLayer = svgEl('g', { class: 'map-countries' });
  const coastPath = svgEl('path', { class: 'map-coast' });
  const bordersPath = svgEl('path', { class: 'map-borders' });
  const geoLayer = svgEl('g', { class: 'map-geo' }, graticulePath, countryLayer, coastPath, bordersPath);
  const countryLabelLayer = svgEl('g', { class: 'map-country-labels', 'aria-hidden': 'true' });
  const placeLayer = svgEl('g', { class: 'map-places' });
  const labelLayer = svgEl('g', { class: 'map-labels', 'aria-hidden': 'true' });
  const scaleLine = svgEl('path', { class: 'map-scale-bar' });
  const scaleText = svgEl('text', { class: 'map-scale-text' });
  const scaleLayer = svgEl('g', { class: 'map-scale', 'aria-hidden': 'true' }, scaleLine, scaleText);
  const measurer = svgEl('text', { class: 'map-measure', 'aria-hidden': 'true' });
  const svgNode = svgEl(
    'svg',
    { class: 'map-svg', role: 'group' },
    water,
    geoLayer,
    countryLabelLayer,
    placeLayer,
    labelLayer,
    scaleLayer,
    measurer,
  );

  const button = (className: string, paths: string[]) => h('button', { class: className, type: 'button' }, icon(paths));
  const zoomInButton = button('map-button', ['M10 4.5v11M4.5 10h11']);
  const zoomOutButton = button('map-button', ['M4.5 10h11']);
  const resetButton = button('map-button map-button-single', [
    'M4 8V4h4',
    'M12 4h4v4',
    'M16 12v4h-4',
    'M8 16H4v-4',
    'M10 8.6v2.8M8.6 10h2.8',
  ]);
  const controls = h(
    'div',
    { class: 'map-controls' },
    h('div', { class: 'map-zoom' }, zoomInButton, zoomOutButton),
    resetButton,
  );

  const noteIcon = svgEl(
    'svg',
    { class: 'map-note-icon', viewBox: '0 0 16 16', 'aria-hidden': 'true' },
    svgEl('circle', { class: 'map-note-ring', cx: '8', cy: '8', r: '6.5' }),
    svgEl('circle', { class: 'map-note-dot', cx: '8', cy: '8', r: '2.8' }),
  );
  const noteText = h('span', { class: 'map-note-text' });
  const noteCredit = h('span', { class: 'map-note-credit' });
  noteCredit.hidden = true;
  const note = h('div', { class: 'map-note' }, noteIcon, noteText, noteCredit);
  note.hidden = true;

  const statusCard = h('div', { class: 'map-status-card' });
  const status = h('div', { class: 'map-status', role: 'status', 'aria-live': 'polite' }, statusCard);

  const root = h('div', { class: 'map', dir: 'ltr' }, svgNode, controls, note, status);
  return {
    root,
    svgNode,
    water,
    geoLayer,
    graticulePath,
    countryLayer,
    coastPath,
    bordersPath,
    countryLabelLayer,
    placeLayer,
    labelLayer,
    scaleLayer,
    scaleLine,
    scaleText,
    measurer,
    controls,
    zoomInButton,
    zoomOutButton,
    resetButton,
    note,
    noteText,
    noteCredit,
    status,
    statusCard,
  };
}

/** Direction, button names, the note (when a shown place is approximate) and the status card. */
export function drawChrome(m: MapModel, shown: PlaceDatum[]): void {
  const { labels } = m.options;
  const { root, svgNode, zoomInButton, zoomOutButton, resetButton, note, noteText, noteCredit, status, statusCard } =
    m.parts;
  root.setAttribute('dir', m.state.dir);
  zoomInButton.setAttribute('aria-label', labels.zoomIn);
  zoomInButton.title = labels.zoomIn;
  zoomOutButton.setAttribute('aria-label', labels.zoomOut);
  zoomOutButton.title = labels.zoomOut;
  resetButton.setAttribute('aria-label', labels.resetView);
  resetButton.title = labels.resetView;

  const approximate = shown.some((d) => d.place.approximate || d.place.origin === 'gazetteer');
  note.hidden = !approximate;
  noteText.textContent = labels.approximateNote;
  note.title = labels.approximateNote;
  // GeoNames' licence (CC BY 4.0) asks for credit wherever its positions are shown.
  const geonames = shown.some((d) => d.place.gazetteer?.includes('GeoNames'));
  noteCredit.hidden = !geonames || !labels.geonamesCredit;
  noteCredit.textContent = geonames ? (labels.geonamesCredit ?? '') : '';

  const { atlasState } = m;
  const empty = shown.length === 0;
  root.classList.toggle('is-empty', empty);
  root.classList.toggle('is-loading', atlasState === 'loading');
  root.classList.toggle('is-error', atlasState === 'error');
  svgNode.setAttribute('aria-busy', String(atlasState === 'loading'));
  const key = empty ? `empty:${labels.empty}` : `${atlasState}:${labels.loading ?? ''}:${labels.loadError ?? ''}`;
  if (key === m.statusKey) return;
  m.statusKey = key;
  statusCard.replaceChildren();
  statusCard.removeAttribute('title');
  if (empty) {
    status.className = 'map-status is-empty';
    statusCard.textContent = labels.empty;
  } else if (atlasState === 'loading') {
    status.className = 'map-status is-loading';
    statusCard.append(h('span', { class: 'map-spinner', 'aria-hidden': 'true' }));
    if (labels.loading) statusCard.append(labels.loading);
    status.classList.toggle('has-text', Boolean(labels.loading));
  } else if (atlasState === 'error') {
    status.className = 'map-status is-error';
    statusCard.append(h('span', { class: 'map-warning', 'aria-hidden': 'true' }, '!'));
    if (labels.loadError) statusCard.append(labels.loadError);
    status.classList.toggle('has-text', Boolean(labels.loadError));
    statusCard.title = labels.loadError ?? '';
  } else {
    status.className = 'map-status';
  }
}
