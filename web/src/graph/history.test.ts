import { describe, expect, it } from 'vitest';
import { EditHistory, type GraphFields, HISTORY_LIMIT, type Positions } from './history.ts';

const fields = (
  expanded: string[],
  hidden: string[] = [],
  pinned: string[] = [],
  layout: GraphFields['layout'] = 'force',
): GraphFields => ({ expanded, hidden, pinned, layout });

function harness() {
  const applied: Array<GraphFields | Positions> = [];
  const history = new EditHistory({
    applyState: (f) => applied.push(f),
    applyPositions: (p) => applied.push(p),
  });
  return { history, applied };
}

describe('undo and redo of graph edits', () => {
  it('undoes to the state before each edit and redoes to the state after, in order', () => {
    const { history, applied } = harness();
    history.record({ kind: 'state', label: 'expand a', before: fields([]), after: fields(['a']) });
    history.record({ kind: 'state', label: 'hide b', before: fields(['a']), after: fields(['a'], ['b']) });
    expect(history.undo()).toBe('hide b');
    expect(applied.at(-1)).toEqual(fields(['a']));
    expect(history.undo()).toBe('expand a');
    expect(applied.at(-1)).toEqual(fields([]));
    expect(history.undo()).toBeNull();
    expect(history.redo()).toBe('expand a');
    expect(applied.at(-1)).toEqual(fields(['a']));
    expect(history.nextRedo).toBe('hide b');
    expect(history.redo()).toBe('hide b');
    expect(applied.at(-1)).toEqual(fields(['a'], ['b']));
    expect(history.redo()).toBeNull();
  });

  it('records a layout chosen in the legend as an edit, and undoes it to the layout before', () => {
    const { history, applied } = harness();
    expect(
      history.record({ kind: 'state', label: 'Time', before: fields([]), after: fields([], [], [], 'time') }),
    ).toBe(true);
    expect(history.undo()).toBe('Time');
    expect(applied.at(-1)).toEqual(fields([], [], [], 'force'));
  });

  it('hands the recorded positions with a layout choice to undo and redo (after: known once the layout is in place)', () => {
    const placed: Array<Positions | undefined> = [];
    const history = new EditHistory({
      applyState: (_f, positions) => placed.push(positions),
      applyPositions: () => {},
    });
    const positions = { before: { a: { x: 1, y: 2 } } as Positions, after: null as Positions | null };
    history.record({ kind: 'state', label: 'Map', before: fields([]), after: fields([], [], [], 'geo'), positions });
    history.undo();
    history.redo();
    positions.after = { a: { x: 5, y: 6 } };
    history.undo();
    history.redo();
    expect(placed).toEqual([{ a: { x: 1, y: 2 } }, undefined, { a: { x: 1, y: 2 } }, { a: { x: 5, y: 6 } }]);
  });

  it('drops the redo list when a new edit is made after an undo', () => {
    const { history } = harness();
    history.record({ kind: 'state', label: 'pin p', before: fields([]), after: fields([], [], ['p']) });
    history.undo();
    expect(history.canRedo).toBe(true);
    history.record({ kind: 'state', label: 'hide h', before: fields([]), after: fields([], ['h']) });
    expect(history.canRedo).toBe(false);
    expect(history.nextUndo).toBe('hide h');
  });

  it('keeps no edit that changed nothing, and layouts only when a node moved', () => {
    const { history } = harness();
    expect(history.record({ kind: 'state', label: 'same', before: fields(['a']), after: fields(['a']) })).toBe(false);
    const at = { n: { x: 1, y: 2 } };
    expect(history.record({ kind: 'layout', label: 'layout', before: at, after: { n: { x: 1, y: 2 } } })).toBe(false);
    expect(history.record({ kind: 'layout', label: 'layout', before: at, after: { n: { x: 5, y: 2 } } })).toBe(true);
    expect(history.canUndo).toBe(true);
  });

  it('puts nodes back where they were when a layout is undone', () => {
    const { history, applied } = harness();
    history.record({ kind: 'layout', label: 'layout', before: { n: { x: 0, y: 0 } }, after: { n: { x: 9, y: 9 } } });
    history.undo();
    expect(applied.at(-1)).toEqual({ n: { x: 0, y: 0 } });
    history.redo();
    expect(applied.at(-1)).toEqual({ n: { x: 9, y: 9 } });
  });

  it(`keeps the latest ${HISTORY_LIMIT} edits and tells listeners of every change`, () => {
    const { history } = harness();
    let changes = 0;
    history.onChange(() => changes++);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      history.record({ kind: 'state', label: `e${i}`, before: fields([]), after: fields([`n${i}`]) });
    let undone = 0;
    while (history.undo()) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    expect(changes).toBe(HISTORY_LIMIT + 5 + HISTORY_LIMIT);
  });
});
