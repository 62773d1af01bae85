import { GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (!isIsoDate(value)) throw new TypeError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Calendar date with no time or time zone, as a `YYYY-MM-DD` string end to end:
 * stored as SQL `date`, never turned into a JS Date, so no time-zone shift can move it.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date written YYYY-MM-DD (ISO 8601), without time or time zone.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string written YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

const EUROS = /^(0|[1-9]\d{0,12})(\.\d{1,2})?$/;

/** Parses "1234.5" or "1234.56" into cents, exactly (no floating point). */
export function eurosToCents(value: string): bigint {
  if (!EUROS.test(value)) throw new TypeError(`Amount must be a non-negative number of euros with at most 2 decimals, written as a string like "1250.50", got ${JSON.stringify(value)}`);
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** Writes cents as euros with exactly two decimals: 125050n → "1250.50". */
export function centsToEuros(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * An amount in euros, exact to the cent: a decimal string ("125000.00") in JSON, integer cents in the
 * database, bigint in between — never a binary floating-point number.
 */
export const EurosScalar = new GraphQLScalarType<bigint, string>({
  name: 'Euros',
  description: 'Amount in euros, exact to the cent, written as a decimal string with two decimals ("125000.00").',
  serialize: (value) => centsToEuros(typeof value === 'bigint' ? value : BigInt(value as string)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError('Amount must be a string such as "1250.50" (numbers would lose cents)');
    return eurosToCents(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Amount must be a string such as "1250.50" (numbers would lose cents)');
    return eurosToCents(ast.value);
  },
});
