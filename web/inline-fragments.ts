/**
 * A codegen document transform for the web client's operations: named fragments stay as the source of the shared
 * result types (`NodeFieldsFragment`, …), but the operations the client sends carry their selections inline. The
 * server's depth limit (graphql-armor, fragments not flattened) counts every spread as two levels, so a spread
 * written for reuse would otherwise push deep queries such as Details over it. Spreads whose type condition is the
 * field's own type (or an interface it implements) are merged into the selection; others become inline fragments;
 * inline fragments on an object type the field can never be are left out.
 */
import {
  buildASTSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** The operations of `document` with every fragment spread inlined; fragment definitions are kept as they are. */
export function inlineFragments(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const typeNamed = (name: string): GraphQLCompositeType => {
    const type = schema.getType(name);
    if (!type || !isCompositeType(type)) throw new Error(`${name} is not an object, interface or union type`);
    return type;
  };
  /** Whether a selection on `condition` applies to every value of `parent` (so it can be merged into it). */
  const covers = (condition: GraphQLCompositeType, parent: GraphQLCompositeType) =>
    condition === parent ||
    (isInterfaceType(condition) && !isAbstractType(parent) && schema.isSubType(condition, parent));
  /** Whether a value of `parent` can ever be a `condition`. */
  const canBe = (condition: GraphQLCompositeType, parent: GraphQLCompositeType) =>
    !(isObjectType(condition) && isObjectType(parent) && condition !== parent);

  function expand(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, seen: ReadonlySet<string>) {
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet) {
          selections.push(selection);
          continue;
        }
        if (!isObjectType(parent) && !isInterfaceType(parent))
          throw new Error(`${selection.name.value} is selected on the union ${parent.name}`);
        const field = parent.getFields()[selection.name.value];
        if (!field) throw new Error(`${parent.name} has no field ${selection.name.value}`);
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) throw new Error(`${parent.name}.${selection.name.value} has no fields to select`);
        selections.push({ ...selection, selectionSet: expand(selection.selectionSet, type, seen) });
        continue;
      }
      let condition = parent;
      let inner: SelectionSetNode;
      let next = seen;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`fragment ${name} is not defined`);
        if (seen.has(name)) throw new Error(`fragment ${name} spreads itself`);
        condition = typeNamed(fragment.typeCondition.name.value);
        inner = fragment.selectionSet;
        next = new Set([...seen, name]);
      } else {
        if (selection.typeCondition) condition = typeNamed(selection.typeCondition.name.value);
        inner = selection.selectionSet;
      }
      if (!canBe(condition, parent)) continue;
      if (covers(condition, parent)) selections.push(...expand(inner, parent, next).selections);
      else
        selections.push({
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: condition.name } },
          selectionSet: expand(inner, condition, next),
        });
    }
    return { kind: Kind.SELECTION_SET, selections } satisfies SelectionSetNode;
  }

  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return definition;
      const root = schema.getRootType(definition.operation);
      if (!root) throw new Error(`the schema has no ${definition.operation} type`);
      return { ...definition, selectionSet: expand(definition.selectionSet, root, new Set()) };
    }),
  };
}

/** The transform as graphql-codegen's `documentTransforms` takes it. */
export const inlineFragmentsTransform = {
  transform({ documents, schema }: { documents: Array<{ document?: DocumentNode }>; schema: DocumentNode }) {
    const built = buildASTSchema(schema);
    return documents.map((file) =>
      file.document ? { ...file, document: inlineFragments(file.document, built) } : file,
    );
  },
};
