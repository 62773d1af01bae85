import { registerEnumType } from 'type-graphql';

/** What a token lets its holder change. */
export enum AccessRole {
  NATIONAL = 'NATIONAL',
  ARML = 'ARML',
  MISSION_LOCALE = 'MISSION_LOCALE',
}
registerEnumType(AccessRole, {
  name: 'AccessRole',
  description: "Rôle d'un jeton d'accès.",
  valuesConfig: {
    NATIONAL: { description: 'UNML national secretariat: everything.' },
    ARML: { description: "An ARML: its region's structures, bodies, mandates, sites, and the conventions it is a party to." },
    MISSION_LOCALE: { description: 'A Mission Locale: its own bodies, mandates and sites.' },
  },
});

/** Who is calling: nobody (public reads only), or the holder of a token with its scope. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'token'; tokenId: number; role: AccessRole; organizationId: number | null };

export const ANONYMOUS: Caller = { kind: 'anonymous' };
