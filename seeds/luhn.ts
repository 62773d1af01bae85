/**
 * Luhn checks for French company identifiers (SIREN: 9 digits, SIRET: 14 digits).
 * The La Poste exception (SIREN 356000000, whose establishments use a digit-sum rule)
 * is not handled: no La Poste establishment is part of the network.
 */

/** True when `digits` is a non-empty string of decimal digits whose Luhn checksum is valid. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Every second digit from the right is doubled.
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** True when `siren` is 9 digits passing the Luhn check. */
export function isValidSiren(siren: string): boolean {
  return siren.length === 9 && luhnValid(siren);
}

/** True when `siret` is 14 digits passing the Luhn check and its first 9 digits form a valid SIREN. */
export function isValidSiret(siret: string): boolean {
  return siret.length === 14 && luhnValid(siret) && isValidSiren(siret.slice(0, 9));
}
