import { isValidSiren, isValidSiret } from '../../../seeds/luhn';
import { IdentifierScheme } from './organization.enums';

/** Normal form of an identifier: no spaces, upper case (RNA starts with W). */
export function normalizeIdentifier(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Why an identifier is not valid for its scheme, or null when it is (SIREN and SIRET are checked with their Luhn key). */
export function identifierProblem(scheme: IdentifierScheme, value: string): string | null {
  switch (scheme) {
    case IdentifierScheme.SIREN:
      return isValidSiren(value) ? null : 'A SIREN is 9 digits with a valid Luhn key';
    case IdentifierScheme.SIRET:
      return isValidSiret(value) ? null : 'A SIRET is 14 digits with a valid Luhn key, starting with a valid SIREN';
    case IdentifierScheme.RNA:
      return /^W[0-9A-Z]{9}$/.test(value) ? null : 'An RNA number is W followed by 9 characters';
    case IdentifierScheme.UNML_CODE:
      return /^[0-9A-Z]{2,10}$/.test(value) ? null : 'A UNML code is 2 to 10 letters or digits';
    default:
      return 'Unknown identifier scheme';
  }
}
