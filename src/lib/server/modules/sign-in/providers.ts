import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { signInLinks, signInProviders } from '../../db/schema';
import { sealText } from '../../auth/sealed';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../../db/pg-errors';
import { authorize, type Actor } from '../../permissions';
import { isUuid, parse } from '../../validate';
import { addSignInProviderSchema, updateSignInProviderSchema } from '../../../validation/sign-in-providers';
import { record, type Origin } from '../audit';
import { providerConfiguration, type ProviderRow } from './client';
import { SignInRefused } from './refusal';

const providerNotFound = () => new DomainError('signin_provider_not_found', {}, {}, 404);
// The summary says a field needs attention; the field itself says why.
const providerExists = () => new DomainError('error_validation', {}, { municipalityId: 'signin_provider_exists' }, 409);

async function lockProvider(tx: Tx, id: string): Promise<ProviderRow> {
	if (!isUuid(id)) throw providerNotFound();
	const [row] = await tx.select().from(signInProviders).where(eq(signInProviders.id, id)).for('update');
	if (!row) throw providerNotFound();
	return row;
}

/** What an audit row may say of a provider: never the secret. */
const described = (p: Pick<ProviderRow, 'municipalityId' | 'issuer' | 'clientId' | 'emailDomains' | 'required' | 'allowJustInTime'>) => ({
	municipalityId: p.municipalityId,
	issuer: p.issuer,
	clientId: p.clientId,
	emailDomains: p.emailDomains,
	required: p.required,
	allowJustInTime: p.allowJustInTime
});

/** Adds the provider of a municipality (or of the region's own staff); one each. The secret is stored sealed. */
export async function addSignInProvider(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	authorize(actor, 'sign_in_providers.manage');
	const { clientSecret, ...fields } = parse(addSignInProviderSchema, input);
	return db
		.transaction(async (tx) => {
			const [row] = await tx
				.insert(signInProviders)
				.values({ ...fields, clientSecretEncrypted: sealText(clientSecret) })
				.returning();
			await record(tx, { actor, action: 'sign_in_provider.added', objectType: 'sign_in_provider', objectId: row.id, origin, details: described(row) });
			return { id: row.id };
		})
		.catch((err) => {
			// Two administrators adding one municipality's provider at once: the unique index decides.
			throw isUniqueViolation(err) ? providerExists() : err;
		});
}

/** Changes a provider; an empty secret keeps the stored one. Its cached discovery is dropped with the new `updatedAt`. */
export async function updateSignInProvider(db: Db, actor: Actor | null, id: string, input: unknown, origin: Origin): Promise<void> {
	authorize(actor, 'sign_in_providers.manage');
	const { clientSecret, ...fields } = parse(updateSignInProviderSchema, input);
	await db.transaction(async (tx) => {
		const before = await lockProvider(tx, id);
		if (before.municipalityId === null && fields.allowJustInTime) {
			throw new DomainError('error_validation', {}, { allowJustInTime: 'validation_signin_jit_region' }, 400);
		}
		const after = { ...described(before), ...fields };
		const changes = Object.fromEntries(
			(Object.keys(fields) as (keyof typeof fields)[])
				.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]))
				.map((k) => [k, { from: before[k], to: fields[k] }])
		);
		await tx
			.update(signInProviders)
			.set({ ...fields, ...(clientSecret ? { clientSecretEncrypted: sealText(clientSecret) } : {}), updatedAt: new Date() })
			.where(eq(signInProviders.id, before.id));
		await record(tx, {
			actor,
			action: 'sign_in_provider.updated',
			objectType: 'sign_in_provider',
			objectId: before.id,
			origin,
			details: { municipalityId: after.municipalityId, changes, credentialReplaced: !!clientSecret }
		});
	});
}

/**
 * Removes a provider with its links (people sign in with a password again, or after it is added back, are linked
 * again by their e-mail address). Attempts under way at it fail.
 */
export async function removeSignInProvider(db: Db, actor: Actor | null, id: string, origin: Origin): Promise<void> {
	authorize(actor, 'sign_in_providers.manage');
	await db.transaction(async (tx) => {
		const row = await lockProvider(tx, id);
		const [{ links }] = await tx.select({ links: count() }).from(signInLinks).where(eq(signInLinks.providerId, row.id));
		await tx.delete(signInProviders).where(eq(signInProviders.id, row.id));
		await record(tx, {
			actor,
			action: 'sign_in_provider.removed',
			objectType: 'sign_in_provider',
			objectId: row.id,
			origin,
			details: { municipalityId: row.municipalityId, issuer: row.issuer, links }
		});
	});
}

/** Asks the provider's discovery document now (not from the cache): does it answer, under the issuer given? */
export async function testSignInProvider(db: Db, actor: Actor | null, id: string): Promise<{ issuer: string }> {
	authorize(actor, 'sign_in_providers.manage');
	const [row] = isUuid(id) ? await db.select().from(signInProviders).where(eq(signInProviders.id, id)) : [];
	if (!row) throw providerNotFound();
	try {
		const config = await providerConfiguration(row, { fresh: true });
		return { issuer: config.serverMetadata().issuer };
	} catch (err) {
		if (err instanceof SignInRefused) throw new DomainError('signin_test_failed', { issuer: row.issuer }, {}, 502);
		throw err;
	}
}
