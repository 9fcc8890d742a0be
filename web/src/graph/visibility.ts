/**
 * What the filters hide, drawn: the `hidden` class (style.ts hides it by visibility) on exactly the elements the
 * hidden ids reach.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

/**
 * Whether the ids hide an element: its own id, or for an edge either end's (the `hidden` class hides by visibility,
 * which, unlike `display: none`, does not take a node's edges with it).
 */
export function hiddenBy(
  hidden: ReadonlySet<string>,
  data: { id?: string; source?: string; target?: string },
): boolean {
  return (
    hidden.has(data.id as string) ||
    (data.source !== undefined && (hidden.has(data.source) || hidden.has(data.target as string)))
  );
}

/** Cytoscape's parsed-style read (missing from its typings): it restyles the element first when that is due. */
interface StyledElement {
  pstyle(name: string): unknown;
}

/** Sets the `hidden` class on exactly what the ids hide, touching only elements whose visibility changes. */
export function applyHiddenTo(cy: Core, hidden: ReadonlySet<string>): void {
  const hides = (ele: SingularElementArgument) => hiddenBy(hidden, ele.data());
  const toHide = cy.elements().filter((ele) => !ele.hasClass('hidden') && hides(ele));
  const toShow = cy.elements('.hidden').filter((ele) => !hides(ele));
  cy.batch(() => {
    toHide.addClass('hidden');
    toShow.removeClass('hidden');
  });
  // Cytoscape restyles lazily and `visible()` (the `:visible` selector) answers from a cache only a restyle clears:
  // restyled now, what frames "what is shown" right after (fit) sees the new visibility.
  toHide.union(toShow).forEach((ele) => void (ele as unknown as StyledElement).pstyle('visibility'));
}
