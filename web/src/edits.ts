/**
 * Editing the graph: the context menu, the selection of several nodes and what can be done with it, and undo/redo of
 * every graph edit. Edits of what the URL keeps (expanded, hidden, pinned) go through `change`, which records them and
 * updates the view state; layouts go through `applyLayout`, which records node positions. app.ts wires it in.
 */
import { fetchRelationshipCounts } from './api.ts';
import type { DataStore } from './data.ts';
import { fetchExport, SERVER_EXPORTS } from './export.ts';
import { ContextMenu } from './graph/context-menu.ts';
import { type EditStrings, editStrings } from './graph/edit-strings.ts';
import { EditHistory, type GraphFields, type LayoutPositions } from './graph/history.ts';
import type { LayoutName } from './graph/layouts/names.ts';
import {
  type MenuAction,
  type MenuTarget,
  menuGroups,
  type RelationCounts,
  relationsInMenu,
} from './graph/menu-model.ts';
import { nodePositions, placeNodes, selectNodes } from './graph/selection.ts';
import type { GraphView } from './graph/view.ts';
import { directionOf } from './i18n.ts';
import { download } from './page.ts';
import type { DetailsPanel } from './panels/details.ts';
import type { PathFinderPanel } from './panels/pathfinder.ts';
import { showPane } from './panes.ts';
import type { Store } from './state.ts';

export interface GraphEditsOptions {
  store: Store;
  graph: GraphView;
  data: DataStore;
  details: DetailsPanel;
  pathFinder: PathFinderPanel;
  nameOf(id: string): string | null;
  announce(text: string): void;
  /** Loads and shows a node's neighbours (all, or those through one relationship type) and records the edit. */
  expand(id: string, type?: string): Promise<void>;
  onExportError(error: Error): void;
}

const fieldsOf = (state: GraphFields): GraphFields => ({
  expanded: state.expanded,
  hidden: state.hidden,
  pinned: state.pinned,
  layout: state.layout,
});

const button = (className: string): HTMLButtonElement => {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  return b;
};

export class GraphEdits {
  readonly history: EditHistory;
  private readonly menu: ContextMenu;
  private readonly counts = new Map<string, Promise<RelationCounts>>();
  /** What the open (or last) menu acts on. */
  private menuTarget: MenuTarget | null = null;
  private selection: string[] = [];
  private boxSelecting = false;
  private readonly bar = document.createElement('div');
  private readonly undoButton = button('button');
  private readonly redoButton = button('button');
  private readonly relayoutButton = button('button');
  private readonly boxButton = button('button');
  private readonly unhideButton = button('button');
  private readonly selectionBox = document.createElement('div');

  constructor(
    private readonly pane: HTMLElement,
    private readonly options: GraphEditsOptions,
  ) {
    const { store, graph } = options;
    this.history = new EditHistory({
      applyState: (fields, positions) => {
        store.update(fields);
        // The state's layout runs (view-options.ts) and is chained on layoutDone: the recorded positions go after it.
        if (positions)
          void graph.layoutDone.then(() => {
            placeNodes(graph.cy, positions);
            graph.scheduleLabels();
          });
      },
      applyPositions: (positions) => {
        placeNodes(graph.cy, positions);
        graph.scheduleLabels();
      },
    });
    this.menu = new ContextMenu(pane, (action) => void this.act(action));
    this.bar.id = 'graph-edits';
    this.bar.className = 'graph-edits';
    this.bar.setAttribute('role', 'toolbar');
    this.undoButton.id = 'undo';
    this.redoButton.id = 'redo';
    this.relayoutButton.id = 'relayout';
    this.boxButton.id = 'box-select';
    this.unhideButton.id = 'unhide';
    this.selectionBox.id = 'graph-selection';
    this.selectionBox.className = 'graph-selection';
    this.selectionBox.setAttribute('role', 'group');
    this.selectionBox.hidden = true;
    // The selection's bar wraps below the edit buttons, so neither covers the other however narrow the pane.
    this.bar.append(
      this.undoButton,
      this.redoButton,
      this.relayoutButton,
      this.boxButton,
      this.unhideButton,
      Object.assign(document.createElement('div'), { className: 'line-break' }),
      this.selectionBox,
    );
    pane.append(this.bar);
    this.undoButton.addEventListener('click', () => this.undo());
    this.redoButton.addEventListener('click', () => this.redo());
    this.relayoutButton.addEventListener(
      'click',
      () => void this.applyLayout(this.s.edits.layout, () => graph.layout()),
    );
    this.boxButton.addEventListener('click', () => {
      this.boxSelecting = !this.boxSelecting;
      graph.setBoxSelecting(this.boxSelecting);
      this.render();
    });
    this.unhideButton.addEventListener('click', () => this.change({ hidden: [] }, this.s.edits.showHidden));
    this.history.onChange(() => this.render());
    document.addEventListener('keydown', (event) => this.shortcut(event));
  }

  private get s(): EditStrings {
    return editStrings(this.options.store.state.language);
  }

  /** Applies a graph edit through the view state (so the URL keeps it) and records it for undo. */
  change(change: Partial<GraphFields>, label: string): void {
    const before = fieldsOf(this.options.store.state);
    const after = fieldsOf({ ...before, ...change });
    if (this.history.record({ kind: 'state', label, before, after })) this.options.store.update(after);
  }

  /**
   * Chooses the layout (a state edit, kept in the URL) and records the node positions before it and, once it is
   * applied, after it: undo and redo put the nodes back exactly where they were.
   */
  async chooseLayout(layout: LayoutName, label: string): Promise<void> {
    const { store, graph } = this.options;
    const before = fieldsOf(store.state);
    const after = { ...before, layout };
    const positions: LayoutPositions = { before: nodePositions(graph.cy), after: null };
    if (!this.history.record({ kind: 'state', label, before, after, positions })) return;
    store.update(after);
    await graph.layoutDone;
    if (store.state.layout === layout) positions.after = nodePositions(graph.cy);
  }

  /**
   * The one way a layout is applied: runs it, then records the nodes' positions before and after so it can be undone.
   * Layouts of other modules (a layout picker) are to be run through this too.
   */
  async applyLayout(label: string, run: () => Promise<unknown>): Promise<void> {
    const before = nodePositions(this.options.graph.cy);
    await run();
    this.history.record({ kind: 'layout', label, before, after: nodePositions(this.options.graph.cy) });
  }

  undo(): void {
    const label = this.history.undo();
    if (label) this.options.announce(this.s.undone(label));
  }

  redo(): void {
    const label = this.history.redo();
    if (label) this.options.announce(this.s.redone(label));
  }

  /** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; text fields keep their own undo. */
  private shortcut(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) this.undo();
    else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) this.redo();
    else return;
    event.preventDefault();
  }

  /**
   * Keys on the graph this module answers: the ContextMenu key or Shift+F10 opens the menu on the keyboard cursor (or
   * the selection); Shift+Enter adds the cursor's node to the selection or takes it out. True when handled.
   */
  handleGraphKey(event: KeyboardEvent): boolean {
    const { graph, store } = this.options;
    const id = graph.cursor ?? store.state.selected;
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      if (!id) return false;
      const element = graph.cy.getElementById(id);
      if (element.empty()) return false;
      const at = element.isNode()
        ? element.renderedPosition()
        : (element as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
      this.openMenu(id, at);
    } else if (event.key === 'Enter' && event.shiftKey && graph.cursor) {
      const cursor = graph.cursor;
      const picked = this.selection.includes(cursor)
        ? this.selection.filter((x) => x !== cursor)
        : [...new Set([...graph.cy.nodes(':selected').map((n) => n.id()), cursor])];
      selectNodes(graph.cy, picked);
    } else return false;
    event.preventDefault();
    return true;
  }

  /** Opens the context menu on a node or edge at a point of the graph (px); counts of a node's relationships follow. */
  openMenu(id: string, at: { x: number; y: number }): void {
    const { graph, store } = this.options;
    const element = graph.cy.getElementById(id);
    if (element.empty()) return;
    const isNode = element.isNode();
    const inSelection = isNode && this.selection.length > 1 && this.selection.includes(id);
    const target: MenuTarget = {
      id,
      isNode,
      pinned: store.state.pinned.includes(id),
      selectionSize: inSelection ? this.selection.length : 1,
      counts: { status: 'loading' },
    };
    this.menuTarget = target;
    for (const tip of this.pane.querySelectorAll<HTMLElement>('.graph-tooltip')) tip.hidden = true;
    const language = store.state.language;
    const name = this.options.nameOf(id) ?? (element.data('label') as string | undefined) ?? id;
    const label = inSelection ? this.s.selectionMenuLabel(this.selection.length) : this.s.menuLabel(name);
    const graphBox = graph.cy.container()?.getBoundingClientRect();
    const paneBox = this.pane.getBoundingClientRect();
    const offset = graphBox ? { x: graphBox.left - paneBox.left, y: graphBox.top - paneBox.top } : { x: 0, y: 0 };
    this.menu.open(
      { x: at.x + offset.x, y: at.y + offset.y },
      menuGroups(target, this.s, language),
      label,
      directionOf(language),
      graph.cy.container() ?? this.pane,
    );
    if (!isNode || inSelection) return;
    void this.relationCounts(id).then((counts) => {
      if (this.menuTarget !== target) return;
      target.counts = counts;
      this.menu.update(menuGroups(target, this.s, store.state.language));
    });
  }

  /** A node's relationships by type under the view's filters, from the server (asked once per node and filter). */
  private relationCounts(id: string): Promise<RelationCounts> {
    const { window, attributedTo, minCertainty } = this.options.store.state;
    const filter = { window, attributedTo, minCertainty };
    const key = JSON.stringify([id, filter]);
    let counts = this.counts.get(key);
    if (!counts) {
      counts = fetchRelationshipCounts(id, filter).then(
        (found): RelationCounts => ({ status: 'done', byType: relationsInMenu(found) }),
        (error: unknown): RelationCounts => ({ status: 'error', message: (error as Error).message }),
      );
      this.counts.set(key, counts);
      // A failure is not kept: the next opening asks again.
      void counts.then((c) => c.status === 'error' && this.counts.delete(key));
    }
    return counts;
  }

  private async act(action: MenuAction): Promise<void> {
    const target = this.menuTarget;
    if (!target) return;
    const { id } = target;
    const { store } = this.options;
    const state = store.state;
    const name = this.options.nameOf(id) ?? id;
    const e = this.s.edits;
    const selection = [...this.selection];
    switch (action.kind) {
      case 'expand-type':
        return this.options.expand(id, action.type);
      case 'expand':
        return this.options.expand(id);
      case 'hide':
        return this.change({ hidden: [...new Set([...state.hidden, id])] }, e.hide(name));
      case 'pin':
        return this.change({ pinned: [...state.pinned, id] }, e.pin(name));
      case 'unpin':
        return this.change({ pinned: state.pinned.filter((p) => p !== id) }, e.unpin(name));
      case 'hide-others': {
        const keep = new Set(
          this.options.graph.cy
            .getElementById(id)
            .closedNeighborhood()
            .nodes()
            .map((n) => n.id()),
        );
        const others = this.options.graph.cy
          .nodes()
          .filter((n) => !keep.has(n.id()))
          .map((n) => n.id());
        return this.change({ hidden: [...new Set([...state.hidden, ...others])] }, e.hideOthers(name));
      }
      case 'paths-from':
        return this.pathsFrom(id);
      case 'show-source':
        return this.showInSource(id);
      case 'hide-selection':
        this.clearSelection();
        return this.change({ hidden: [...new Set([...state.hidden, ...selection])] }, e.hideMany(selection.length));
      case 'expand-selection':
        return this.change(
          { expanded: [...new Set([...state.expanded, ...selection])] },
          e.expandMany(selection.length),
        );
      case 'pin-selection':
        return this.change({ pinned: [...new Set([...state.pinned, ...selection])] }, e.pinMany(selection.length));
      case 'export-selection':
        return this.exportNodes(selection);
    }
  }

  /** "Paths from here": the node goes in the path finder's "from" box, and focus to the "to" box. */
  private pathsFrom(id: string): void {
    const node = this.options.data.nodeById(id);
    if (!node) return;
    this.options.pathFinder.setFrom(node);
    this.options.store.showTab('path');
    showPane('panels');
    document.getElementById('path-to')?.focus();
  }

  /** "Show in source": the details of the node or edge, its first citation opened in the source text. */
  private showInSource(id: string): void {
    const { store, details, data } = this.options;
    store.select(id);
    showPane('panels');
    void details.revealSource(id, data.edgeById(id) ?? null, this.s.noSource);
  }

  /** The selection exported as the dataset JSON, through the server's export (as the toolbar's export does). */
  private exportNodes(ids: string[]): void {
    fetchExport('dataset', ids).then(
      (blob) => download(blob, SERVER_EXPORTS.dataset.file.replace('.json', '-selection.json')),
      (error: unknown) => this.options.onExportError(error as Error),
    );
  }

  /** The graph's selection changed: the selection bar shows what can be done with two or more nodes. */
  selectionChanged(ids: string[]): void {
    this.selection = ids;
    this.renderSelection();
  }

  private clearSelection(): void {
    selectNodes(this.options.graph.cy, []);
    this.selection = [];
    this.renderSelection();
  }

  private renderSelection(): void {
    const n = this.selection.length;
    this.selectionBox.hidden = n < 2;
    if (n < 2) {
      this.selectionBox.replaceChildren();
      return;
    }
    const s = this.s;
    const count = document.createElement('strong');
    count.textContent = s.selected(n);
    const actions: Array<[string, MenuAction]> = [
      [s.expandSelection(n), { kind: 'expand-selection' }],
      [s.hideSelection(n), { kind: 'hide-selection' }],
      [s.pinSelection(n), { kind: 'pin-selection' }],
      [s.exportSelection(n), { kind: 'export-selection' }],
    ];
    const buttons = actions.map(([text, action]) => {
      const b = button('button small');
      b.textContent = text;
      b.dataset.action = action.kind;
      b.addEventListener('click', () => {
        this.menuTarget = {
          id: this.selection[0] ?? '',
          isNode: true,
          pinned: false,
          selectionSize: n,
          counts: { status: 'loading' },
        };
        void this.act(action);
      });
      return b;
    });
    const clear = button('button small');
    clear.textContent = s.clearSelection;
    clear.addEventListener('click', () => this.clearSelection());
    this.selectionBox.setAttribute('aria-label', s.selected(n));
    this.selectionBox.replaceChildren(count, ...buttons, clear);
  }

  /** Labels and enabled states of the edit bar, in the interface language. */
  render(): void {
    const s = this.s;
    const h = this.history;
    this.undoButton.textContent = s.undo;
    this.undoButton.title = s.undoLabel(h.nextUndo);
    this.undoButton.disabled = !h.canUndo;
    this.redoButton.textContent = s.redo;
    this.redoButton.title = s.redoLabel(h.nextRedo);
    this.redoButton.disabled = !h.canRedo;
    this.relayoutButton.textContent = s.relayout;
    this.relayoutButton.title = s.relayoutLabel;
    this.boxButton.textContent = s.boxSelect;
    this.boxButton.title = s.boxSelectLabel;
    this.boxButton.setAttribute('aria-pressed', String(this.boxSelecting));
    const hidden = this.options.store.state.hidden.length;
    this.unhideButton.hidden = hidden === 0;
    this.unhideButton.textContent = s.showHidden(hidden);
    this.bar.setAttribute('aria-label', s.undo);
    this.renderSelection();
  }
}
