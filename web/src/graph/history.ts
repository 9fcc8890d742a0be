/**
 * Undo and redo of graph edits (expand, hide, pin, layout), apart from the browser's back button. An edit of what the
 * URL keeps (expanded, hidden, pinned, the layout chosen) is recorded as the state's graph fields before and after, so an undo restores
 * exactly what the URL said then (with the node positions when the layout chosen changed); a layout run again is
 * recorded as node positions before and after.
 */

import type { LayoutName } from './layouts/names.ts';

/** The parts of the view state a graph edit changes (state.ts keeps them in the URL). */
export interface GraphFields {
  expanded: string[];
  hidden: string[];
  pinned: string[];
  /** The layout chosen in the legend (force, concentric, hierarchy, time, map). */
  layout: LayoutName;
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * A state edit that changed the layout also keeps the node positions before and after it (after: null until the new
 * layout is in place), so undo and redo put the nodes back exactly rather than running a layout again from elsewhere.
 */
export interface LayoutPositions {
  before: Positions;
  after: Positions | null;
}

export type Edit =
  | { kind: 'state'; label: string; before: GraphFields; after: GraphFields; positions?: LayoutPositions }
  | { kind: 'layout'; label: string; before: Positions; after: Positions };

/** How edits are applied: the state through the store (and so the URL), positions on the graph. */
export interface EditTarget {
  /** `positions`: where the nodes go once the state's layout is applied (a layout choice undone or redone). */
  applyState(fields: GraphFields, positions?: Positions): void;
  applyPositions(positions: Positions): void;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const sameFields = (a: GraphFields, b: GraphFields): boolean =>
  sameList(a.expanded, b.expanded) &&
  sameList(a.hidden, b.hidden) &&
  sameList(a.pinned, b.pinned) &&
  a.layout === b.layout;

/** Whether a layout moved any node (by more than a hundredth of a unit). */
export function positionsDiffer(a: Positions, b: Positions): boolean {
  const ids = Object.keys(b);
  if (ids.length !== Object.keys(a).length) return true;
  return ids.some((id) => {
    const p = a[id];
    const q = b[id];
    return !p || !q || Math.abs(p.x - q.x) > 0.01 || Math.abs(p.y - q.y) > 0.01;
  });
}

/** Edits kept at most; the oldest go first. */
export const HISTORY_LIMIT = 100;

export class EditHistory {
  private readonly past: Edit[] = [];
  private readonly future: Edit[] = [];
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly target: EditTarget) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  /** The label of the edit an undo would take back (for the button's title). */
  get nextUndo(): string | null {
    return this.past.at(-1)?.label ?? null;
  }
  get nextRedo(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Records an edit already applied; an edit that changed nothing is not kept. A new edit clears the redo list. */
  record(edit: Edit): boolean {
    const changed =
      edit.kind === 'state' ? !sameFields(edit.before, edit.after) : positionsDiffer(edit.before, edit.after);
    if (!changed) return false;
    this.past.push(edit);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future.length = 0;
    this.changed();
    return true;
  }

  /** Takes back the latest edit; returns its label, or null when there is nothing to undo. */
  undo(): string | null {
    const edit = this.past.pop();
    if (!edit) return null;
    this.apply(edit, 'before');
    this.future.push(edit);
    this.changed();
    return edit.label;
  }

  redo(): string | null {
    const edit = this.future.pop();
    if (!edit) return null;
    this.apply(edit, 'after');
    this.past.push(edit);
    this.changed();
    return edit.label;
  }

  /** Forgets every edit (the view was replaced from elsewhere, e.g. the browser's back button). */
  clear(): void {
    if (this.past.length === 0 && this.future.length === 0) return;
    this.past.length = 0;
    this.future.length = 0;
    this.changed();
  }

  private apply(edit: Edit, side: 'before' | 'after'): void {
    if (edit.kind === 'state') this.target.applyState(edit[side], edit.positions?.[side] ?? undefined);
    else this.target.applyPositions(edit[side]);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
