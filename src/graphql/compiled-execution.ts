import {
  DocumentNode, execute, ExecutionResult, getNamedType, GraphQLError, getVariableValues, GraphQLSchema, isInputObjectType, OperationDefinitionNode, typeFromAST,
} from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { RequestContext } from './context';
import { noteRequestOf } from './format-error';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];

/** An operation seen once, compiled, or left to graphql-js for good. */
type Seen = 'once' | 'graphql-js' | CompiledQuery;

/**
 * Whether graphql-jit answers `operation` exactly as graphql-js would. It differs on input objects
 * coming from variables (a non-null field with a default is refused when omitted) and on optional
 * variables left out inside a literal object (the field reads null instead of being absent): so only
 * queries, with variables of scalar or enum types, are compiled. Introspection stays with graphql-js.
 */
function compilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  if (operation.selectionSet.selections.some((s) => s.kind === 'Field' && (s.name.value === '__schema' || s.name.value === '__type'))) return false;
  return (operation.variableDefinitions ?? []).every((v) => {
    const type = typeFromAST(schema, v.type as Parameters<typeof typeFromAST>[1]);
    return type !== undefined && !isInputObjectType(getNamedType(type));
  });
}

/**
 * graphql-jit's errors leave `extensions` undefined when the resolver's error has none, where Apollo
 * expects an object: formatting them failed, and an unexpected error in a compiled query came out as a
 * bare "Internal server error", neither logged nor quoting the request id. Such an error is made again
 * as graphql-js would have made it.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (made as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return made;
}

/** How many operations ran compiled, and through graphql-js. */
export interface ExecutionCounts { compiled: number; graphqlJs: number }

/**
 * Apollo Server's executor: a query coming a second time runs compiled by graphql-jit, which turns
 * the operation into JavaScript calling the same resolvers, without graphql-js walking the document
 * for every object it returns (the network map with every board: ~60,000 fields). A query seen once
 * runs through graphql-js, so a one-off query does not pay for a compilation; compilations live as
 * long as Apollo keeps the parsed document (its document cache). Variables are checked by graphql-js
 * first (same errors, same defaults); a query whose variables are all given is compiled, one that
 * leaves some out to their defaults runs through graphql-js. Parsing, validation, limits and plugins
 * are Apollo's as before.
 */
export function compiledExecution(schema: GraphQLSchema, counts: ExecutionCounts = { compiled: 0, graphqlJs: 0 }): Gateway {
  const seen = new WeakMap<DocumentNode, Map<string, Seen>>();

  const run = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined, contextValue: unknown, inputs: Record<string, unknown>):
    ExecutionResult | Promise<ExecutionResult> => {
    let operations = seen.get(document);
    if (!operations) seen.set(document, operations = new Map());
    const key = operationName ?? '';
    let state = operations.get(key);
    if (state === undefined) operations.set(key, compilable(schema, operation) ? 'once' : 'graphql-js');
    else if (state === 'once') {
      let compiled: CompiledQuery | ExecutionResult | undefined;
      try {
        compiled = compileQuery(schema, document, operationName);
      } catch {
        compiled = undefined; // an operation graphql-jit cannot compile keeps running through graphql-js
      }
      operations.set(key, state = compiled && isCompiledQuery(compiled) ? compiled : 'graphql-js');
    }
    if (typeof state === 'object' && (operation.variableDefinitions ?? []).every((v) => v.variable.name.value in inputs)) {
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 50 });
      if (variables.errors) return { errors: variables.errors };
      counts.compiled++;
      return state.query(undefined, contextValue, inputs);
    }
    counts.graphqlJs++;
    return execute({ schema, document, operationName, contextValue, variableValues: inputs });
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        schema,
        executor: async ({ document, operationName, operation, context, request }) => {
          const result = await run(document, operation, operationName ?? undefined, context, request.variables ?? {});
          if (!result.errors) return result;
          const errors = result.errors.map(withExtensions);
          noteRequestOf(errors, context.requestId);
          return { ...result, errors };
        },
      };
    },
    async stop() {},
  };
}
