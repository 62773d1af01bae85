import { ValidateBy, ValidationOptions } from 'class-validator';
import { isValidSiret } from '../../seeds/luhn';

/** A SIRET: 14 digits whose Luhn key (and its SIREN's) is right. */
export function IsSiret(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isSiret',
    validator: {
      validate: (value) => typeof value === 'string' && isValidSiret(value),
      defaultMessage: (args) => `${args?.property} must be a SIRET: 14 digits with a valid Luhn key`,
    },
  }, options);
}

/** A non-blank string: spaces alone are refused. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value) => typeof value === 'string' && value.trim().length > 0,
      defaultMessage: (args) => `${args?.property} must not be blank`,
    },
  }, options);
}
