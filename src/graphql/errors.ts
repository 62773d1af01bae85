import { GraphQLError } from 'graphql';

/** Stable codes of the exceptional errors (`extensions.code`). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/** Input the API cannot act on (malformed cursor, unknown id format...). */
export class BadInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/** A record the caller asked for by key does not exist. */
export class NotFoundError extends GraphQLError {
  constructor(what: string, key: string) {
    super(`${what} not found: ${key}`, { extensions: { code: 'NOT_FOUND' } });
  }
}
