import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { foldForSearch } from '../../shared/text';
import { ForbiddenError, UnauthenticatedError } from '../access/authorization';
import { coversPerson, organizationsOf } from './person.privacy';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { decodeId } from '../convention/convention.service';
import { Organization } from '../organization/organization.entity';
import { Person } from './person.entity';
import { AddPublicRoleInput, CreatePersonInput, SetPersonContactsInput } from './person.inputs.write';
import { insertRow } from '../../db/insert-row';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .()-]{6,20}$/;

/** Who may change a person: whoever covers them (see coversPerson). */
async function assertCanWritePerson(trx: Knex, ctx: RequestContext, personId: number): Promise<void> {
  if (ctx.caller.kind === 'anonymous') throw new UnauthenticatedError();
  if (!(await coversPerson(trx, ctx, personId, await organizationsOf(trx, personId)))) throw new ForbiddenError('this person');
}

/** Writes on persons: names, public roles, private contact details. */
export class PersonWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(Person, id, { refresh: true });
  }

  async create(input: CreatePersonInput): Promise<{ person: Person | null; userErrors: UserError[] }> {
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      if (this.ctx.caller.kind === 'anonymous') throw new UnauthenticatedError();
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createPerson');
      if (previous) return Number(previous);
      const row = {
        given_name: input.givenName.trim(), family_name: input.familyName.trim(), search_name: foldForSearch(`${input.givenName} ${input.familyName}`),
        provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
      };
      const id = await insertRow(trx, 'person', row);
      await recordAudit(trx, this.ctx, { operation: 'createPerson', entityType: 'Person', entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createPerson', 'Person', id);
      return id;
    });
    return { person: await this.load(result), userErrors };
  }

  /** Shared frame: scope, version, the change, version bump, audit. */
  private async change(personGlobalId: string, version: number, operation: string, apply: (trx: Knex, id: number) => Promise<unknown>) {
    const id = decodeId(personGlobalId, Person.typename, 'input.personId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = await trx('person').where('id', id).first();
      if (!before) {
        if (this.ctx.caller.kind === 'anonymous') throw new UnauthenticatedError();
        throw new NotFoundError('Person', personGlobalId);
      }
      await assertCanWritePerson(trx, this.ctx, id);
      if (Number(before.version) !== version) throw UserErrors.of('CONFLICT', `The person changed since you read it (version ${before.version}): read it again`, 'version');
      const after = await apply(trx, id);
      const updated = await trx('person').where({ id, version }).update({ version: version + 1 });
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The person changed while you were saving: read it again', 'version');
      // Contact details are personal data: the audit line says they changed, not what they are.
      await recordAudit(trx, this.ctx, { operation, entityType: 'Person', entityId: id, before: { version }, after: { version: version + 1, change: after } });
      return id;
    });
    return { person: await this.load(result), userErrors };
  }

  addPublicRole(input: AddPublicRoleInput) {
    const organizationId = input.organizationId ? decodeId(input.organizationId, Organization.typename, 'input.organizationId') : null;
    return this.change(input.personId, input.version, 'addPublicRole', async (trx, id) => {
      if (input.startDate && input.endDate && input.endDate <= input.startDate) throw UserErrors.of('END_BEFORE_START', 'A role cannot end before it starts', 'endDate');
      if (organizationId !== null && !(await trx('organization').where('id', organizationId).first())) throw new NotFoundError('Organization', input.organizationId!);
      const row = {
        person_id: id, kind: input.kind, label: input.label.trim(), organization_id: organizationId, territory_code: input.territoryCode ?? null,
        start_date: input.startDate ?? null, end_date: input.endDate ?? null, provenance_status: 'OFFICIAL', provenance_source: 'registry API',
      };
      await trx('person_public_role').insert(row);
      return { publicRole: row };
    });
  }

  setContacts(input: SetPersonContactsInput) {
    for (const [i, c] of input.contacts.entries()) {
      if (c.kind === 'EMAIL' && !EMAIL.test(c.value)) throw new BadInputError(`contacts.${i}.value is not an e-mail address`, `input.contacts.${i}.value`);
      if (c.kind === 'PHONE' && !PHONE.test(c.value)) throw new BadInputError(`contacts.${i}.value is not a phone number`, `input.contacts.${i}.value`);
    }
    return this.change(input.personId, input.version, 'setPersonContacts', async (trx, id) => {
      await trx('person_contact').where('person_id', id).delete();
      if (input.contacts.length) await trx('person_contact').insert(input.contacts.map((c) => ({ person_id: id, kind: c.kind, value: c.value.trim() })));
      return { contacts: `${input.contacts.length} contact detail(s) replaced` };
    });
  }
}
