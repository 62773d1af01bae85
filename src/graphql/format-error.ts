import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Codes a client may see as they are; anything else is masked. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST',
  'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_COMPLEX', 'SERVER_BUSY',
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** "filter.regionCode: regionCode must be ..." for each failed class-validator constraint. */
function describeValidation(errors: ValidationErrorLike[], path = ''): string[] {
  return errors.flatMap((e) => {
    const here = path ? `${path}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((m) => `${here}: ${m}`),
      ...describeValidation(e.children ?? [], here),
    ];
  });
}

/** The request each error of an execution came from (see `noteRequestOf`). */
const requestOfError = new WeakMap<object, string>();

/**
 * Notes the request `errors` were raised in, so a masked one can quote its id. The executor calls
 * this with each result's errors: the formatter is handed the error alone, and an async context
 * carrying the id would have every promise of the process pay for its hooks.
 */
export function noteRequestOf(errors: readonly object[] | undefined, requestId: string): void {
  for (const error of errors ?? []) requestOfError.set(error, requestId);
}

/**
 * One place where errors leave the service: known codes pass with a readable message,
 * unknown errors are masked and logged with the request id the client receives.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const validation = formatted.extensions?.validationErrors as ValidationErrorLike[] | undefined;
    if (validation) {
      const details = describeValidation(validation);
      return { ...formatted, message: `Invalid input: ${details.join('; ')}`, extensions: { code, details } };
    }
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const requestId = typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined;
  console.error(JSON.stringify({ level: 'error', requestId, message: String((unwrapResolverError(error) as Error)?.stack ?? error) }));
  return {
    message: `Internal server error (request id ${requestId ?? 'unknown'})`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
