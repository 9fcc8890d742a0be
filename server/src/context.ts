/** Per-request context: the driver and loaders that batch lookups into one query per level. */
import DataLoader from 'dataloader';
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { type CitationRecord, isNodeRecord, type NodeRecord, type RelatedRecord } from '../../db/records.ts';
import { citationsByIds, nodesByIds, type RelatedKey, relatedByIds } from '../../db/repositories/nodes.ts';
import type { AppConfig } from './config.ts';
import type { LayoutService } from './layout/positions.ts';

export interface Loaders {
  node: DataLoader<string, NodeRecord | null>;
  citation: DataLoader<string, CitationRecord | null>;
  related(key: RelatedKey): DataLoader<string, RelatedRecord[]>;
}

export interface Context {
  driver: Driver;
  config: AppConfig;
  loaders: Loaders;
  /** The app's layouts of opening views, shared by all requests. */
  layouts: LayoutService;
}

export function createLoaders(driver: Driver): Loaders {
  const relatedLoaders = new Map<string, DataLoader<string, RelatedRecord[]>>();
  return {
    node: new DataLoader((ids) => nodesByIds(driver, ids)),
    citation: new DataLoader((ids) => citationsByIds(driver, ids)),
    related(key) {
      let loader = relatedLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => relatedByIds(driver, key, ids));
        relatedLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

/**
 * Seeds the loaders with relationships a query already read (per key, for one node) and with the public nodes at
 * their other ends, so resolvers asking for them next run no query.
 */
export function primeRelated(
  loaders: Loaders,
  id: string,
  related: Partial<Record<RelatedKey, RelatedRecord[]>>,
): void {
  for (const [key, list] of Object.entries(related) as Array<[RelatedKey, RelatedRecord[]]>) {
    loaders.related(key).prime(id, list);
    for (const { other } of list) if (isNodeRecord(other)) loaders.node.prime(other.id, other);
  }
}

/**
 * Names of the fields selected directly under the current field, through inline fragments and fragment spreads; with
 * `child`, those selected under that child field instead (e.g. the fields of `edges` in `neighborhood { edges { … } }`),
 * and with a path of children, under the last one (`['participants', 'actor']`). Every field of that name counts
 * (aliases included), so the answer covers all of them.
 */
export function selectedFields(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  child?: string | readonly string[],
): Set<string> {
  const visit = (sets: Array<SelectionSetNode | undefined>, visitChild: (field: FieldNode) => void) => {
    const seen = new Set<string>();
    const walk = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) visitChild(selection);
        else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          walk(info.fragments[selection.name.value]?.selectionSet);
        }
      }
    };
    for (const set of sets) walk(set);
  };
  let sets: Array<SelectionSetNode | undefined> = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of child === undefined ? [] : typeof child === 'string' ? [child] : child) {
    const next: Array<SelectionSetNode | undefined> = [];
    visit(sets, (field) => {
      if (field.name.value === name) next.push(field.selectionSet);
    });
    sets = next;
  }
  const names = new Set<string>();
  visit(sets, (field) => names.add(field.name.value));
  return names;
}
