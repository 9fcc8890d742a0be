/** Per-request context: the driver and loaders that batch lookups into one query per level. */
import DataLoader from 'dataloader';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from './config.ts';
import type { CitationRecord, NodeRecord, RelatedRecord } from './db/records.ts';
import { citationsByIds, nodesByIds, type RelatedKey, relatedByIds } from './db/repositories/nodes.ts';

export interface Loaders {
  node: DataLoader<string, NodeRecord | null>;
  citation: DataLoader<string, CitationRecord | null>;
  related(key: RelatedKey): DataLoader<string, RelatedRecord[]>;
}

export interface Context {
  driver: Driver;
  config: AppConfig;
  loaders: Loaders;
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
