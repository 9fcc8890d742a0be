/**
 * What an operation may look like before anything runs, and the codes of the requests refused for it: the shape
 * limits (graphql-armor: depth, aliases, directives, tokens, cost) answer QUERY_TOO_COMPLEX naming the limit, an
 * operation type the API does not serve (mutation, subscription) is a validation error, and a request graphql
 * refuses before any field resolves (a missing, null or mistyped variable) is BAD_USER_INPUT. Errors are made with
 * Yoga's createGraphQLError: under vitest `graphql` can load twice, and Yoga only strips its internal `http`
 * extension from errors of its own copy's class.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Limits on the shape of an operation, checked before anything runs. The web explorer's largest operation (the
 * details panel) has 480 tokens, depth 5 and no directives; abuse.test.ts checks every client operation passes.
 */
export const OPERATION_LIMITS = {
  maxDepth: 7,
  maxAliases: 15,
  maxDirectives: 5,
  maxTokens: 1000,
  maxCost: 5000,
} as const;

export type OperationLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

const LIMIT_OF: Record<OperationLimit, number> = {
  depth: OPERATION_LIMITS.maxDepth,
  aliases: OPERATION_LIMITS.maxAliases,
  directives: OPERATION_LIMITS.maxDirectives,
  tokens: OPERATION_LIMITS.maxTokens,
  cost: OPERATION_LIMITS.maxCost,
};

const NOUN: Record<OperationLimit, string> = {
  depth: 'levels of nesting',
  aliases: 'aliases',
  directives: 'directives',
  tokens: 'tokens',
  cost: 'points of cost',
};

/** The error a client gets for an operation over one of the limits: code QUERY_TOO_COMPLEX, the limit named. */
export function tooComplex(limit: OperationLimit, found?: number): GraphQLError {
  const max = LIMIT_OF[limit];
  const has = found === undefined ? `more than ${max}` : String(found);
  return createGraphQLError(
    `The operation has ${has} ${NOUN[limit]}; the ${limit} limit is ${max}. Ask for fewer fields, or split it into several operations.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...(found === undefined ? {} : { found }) } },
  );
}

/** graphql-armor's own message ends with "found N." for every limit but tokens (cost has decimals). */
const foundIn = (error: GraphQLError): number | undefined => {
  const match = /found (\d+(?:\.\d+)?)\.$/.exec(error.message);
  return match ? Math.ceil(Number(match[1])) : undefined;
};

/**
 * An armor rule's rejection, thrown as our error instead of armor's "Syntax Error: …": validation stops at the first
 * limit an operation breaks, so an abusive operation gets one error and no further work.
 */
const reject =
  (limit: OperationLimit) =>
  (_context: ValidationContext | null, error: GraphQLError): never => {
    throw tooComplex(limit, foundIn(error));
  };

const rejection = (limit: OperationLimit) => ({ propagateOnRejection: false, onReject: [reject(limit)] });

/** The API serves queries only: a mutation or subscription is refused while validating, with a code. */
export const queriesOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'query') return;
    context.reportError(
      createGraphQLError(`This API has no ${node.operation}s: it serves queries only.`, {
        nodes: [node],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
  },
});

/** With introspection off, `__schema` and `__type` are refused (`__typename` stays: clients need it). */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    context.reportError(
      createGraphQLError(
        `Introspection is off on this server (${node.name.value}); the schema is schema/schema.graphql in the repository.`,
        { nodes: [node], extensions: { code: 'INTROSPECTION_DISABLED' } },
      ),
    );
  },
});

/**
 * graphql-armor with every limit above and coded errors; field suggestions hidden unless `suggestFields`;
 * introspection refused unless `introspection`.
 */
export function operationLimits(options: { suggestFields: boolean; introspection: boolean }): Plugin[] {
  return [
    {
      onValidate({ addValidationRule }) {
        addValidationRule(queriesOnly);
        if (!options.introspection) addValidationRule(noIntrospection);
      },
    },
    EnvelopArmorPlugin({
      maxDepth: { n: OPERATION_LIMITS.maxDepth, ...rejection('depth') },
      maxAliases: { n: OPERATION_LIMITS.maxAliases, allowList: [], ...rejection('aliases') },
      maxDirectives: { n: OPERATION_LIMITS.maxDirectives, ...rejection('directives') },
      maxTokens: { n: OPERATION_LIMITS.maxTokens, ...rejection('tokens') },
      costLimit: { maxCost: OPERATION_LIMITS.maxCost, ...rejection('cost') },
      blockFieldSuggestion: { enabled: !options.suggestFields },
    }) as Plugin,
    codeRequestErrors,
  ];
}

/**
 * graphql answers a request it cannot start (a required variable missing or null, a variable of the wrong type, an
 * unknown operation name) with errors and no data at all, before any resolver runs: the client sent it wrong.
 */
const codeRequestErrors: Plugin = {
  onExecute() {
    return {
      onExecuteDone({ result, setResult }) {
        if (!('errors' in result) || result.errors === undefined || 'data' in result) return;
        setResult({
          ...result,
          errors: result.errors.map((error) =>
            error.extensions.code === undefined
              ? createGraphQLError(error.message, {
                  nodes: error.nodes ?? null,
                  extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
                })
              : error,
          ),
        });
      },
    };
  },
};
