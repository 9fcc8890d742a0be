/** The layouts the explorer offers, by the names the URL uses (`lay=`); `force` is the default and is left out. */
export const LAYOUT_NAMES = ['force', 'concentric', 'tree', 'time', 'geo'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export function isLayoutName(value: string | null): value is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(value ?? '');
}

/** A dragged node's position under "keep my arrangement", model px rounded to whole pixels. */
export type Positions = Record<string, { x: number; y: number }>;
