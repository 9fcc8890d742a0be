/**
 * The graph's selection of several nodes (Shift/Ctrl-click, box selection), pinned nodes, and node positions as undo
 * records them: small operations on the Cytoscape instance drawing now.
 */
import type { Core } from 'cytoscape';
import type { Positions } from './history.ts';

/** Ids of the selected nodes, shown ones only. */
export function selectedNodes(cy: Core): string[] {
  return cy.nodes(':selected:visible').map((n) => n.id());
}

/** Selects exactly these nodes (an empty list clears the selection). */
export function selectNodes(cy: Core, ids: readonly string[]): void {
  const keep = new Set(ids);
  cy.batch(() => {
    cy.elements(':selected').forEach((ele) => {
      if (!keep.has(ele.id())) ele.unselect();
    });
    for (const id of ids) cy.getElementById(id).select();
  });
}

/** Locks the pinned nodes where they are (layouts leave them) and marks them; unlocks the rest. */
export function pinNodes(cy: Core, pinned: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const on = pinned.has(node.id());
      if (on) node.lock();
      else node.unlock();
      node.toggleClass('pinned', on);
    });
  });
}

/** Every node's model position. */
export function nodePositions(cy: Core): Positions {
  const positions: Positions = {};
  cy.nodes().forEach((node) => {
    const p = node.position();
    positions[node.id()] = { x: p.x, y: p.y };
  });
  return positions;
}

/** Puts nodes back at recorded positions (an undone or redone layout), pinned ones included. */
export function placeNodes(cy: Core, positions: Readonly<Positions>): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const p = positions[node.id()];
      if (!p) return;
      const locked = node.locked();
      if (locked) node.unlock();
      node.position({ x: p.x, y: p.y });
      if (locked) node.lock();
    });
  });
}
