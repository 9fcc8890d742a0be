/**
 * The one rule for ids in arguments (written in schema/schema.graphql): `node(id:)` answers null for an id that names
 * nothing; every other query answers NOT_FOUND "No actor with id …" (the kind the argument takes, not its name), and
 * an id of a node of another kind is BAD_USER_INPUT saying which kind was expected.
 */
import type { Driver } from 'neo4j-driver';
import { BadUserInputError, NotFoundError } from '../../db/errors.ts';
import { kindsByIds } from '../../db/repositories/nodes.ts';
import type { NodeKind } from '../../schema/vocabulary.ts';
import { checkId } from './arguments.ts';

export const ENTITY: readonly NodeKind[] = ['ACTOR', 'PLACE', 'EVENT', 'AGREEMENT'];
export const ACTOR: readonly NodeKind[] = ['ACTOR'];
export const PLACE: readonly NodeKind[] = ['PLACE'];

export interface IdArgument {
  /** The argument's name, for BAD_USER_INPUT's `argument`. */
  argument: string;
  id: string;
  /** The kinds of node the argument takes. */
  kinds: readonly NodeKind[];
}

const word = (kind: NodeKind): string => kind.toLowerCase();

/** "actor", "actor or place", "actor, place, event or agreement". */
export function kindsInWords(kinds: readonly NodeKind[]): string {
  const words = kinds.map(word);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * The kind a missing id was meant to name: its prefix (`actor:…`) when the argument takes that kind, otherwise
 * every kind it takes.
 */
function meantKind(id: string, kinds: readonly NodeKind[]): string {
  const prefix = id.split(':')[0]?.toUpperCase();
  return kinds.find((k) => k === prefix) ? (prefix as string).toLowerCase() : kindsInWords(kinds);
}

/** NOT_FOUND for an id that names nothing, with the kind the argument takes. */
export const notFound = (arg: IdArgument): NotFoundError => new NotFoundError(meantKind(arg.id, arg.kinds), arg.id);

/**
 * Throws for the first argument whose id names nothing (NOT_FOUND) or a node of a kind it does not take
 * (BAD_USER_INPUT). One query for all of them.
 */
export async function requireIds(driver: Driver, args: readonly IdArgument[]): Promise<void> {
  if (args.length === 0) return;
  for (const arg of args) checkId(arg.id, arg.argument);
  const kinds = await kindsByIds(
    driver,
    args.map((a) => a.id),
  );
  for (const arg of args) {
    const kind = kinds.get(arg.id);
    if (kind === undefined) throw notFound(arg);
    if (!arg.kinds.includes(kind))
      throw new BadUserInputError(
        `${arg.argument} must be the id of ${article(kindsInWords(arg.kinds))}; "${arg.id}" is ${article(word(kind))}.`,
        arg.argument,
      );
  }
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** The ids of a list argument (`attributedTo`), each to be checked with the same kinds. */
export const eachOf = (argument: string, ids: readonly string[] | null, kinds: readonly NodeKind[]): IdArgument[] =>
  (ids ?? []).map((id) => ({ argument, id, kinds }));
