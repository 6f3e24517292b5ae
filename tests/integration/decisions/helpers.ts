import type { Db } from '../../../src/lib/server/db';
import type { AuthSession } from '../../../src/lib/server/auth/auth-session';
import { transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { frozenVersion } from '../../../src/lib/server/modules/decisions';
import type { Actor } from '../../../src/lib/server/permissions';
import { testOrigin } from '../../fixtures/factories';
import { newItem } from '../agenda/helpers';

/** A login whose second factor was confirmed `agoMs` ago (the use case only looks at that moment). */
export function sessionConfirmed(agoMs = 0): AuthSession {
	return { twoFactorVerifiedAt: new Date(Date.now() - agoMs) } as AuthSession;
}

/** An item with the given participants, moved to gereed voor besluitvorming; returns its id and frozen version. */
export async function readyItem(db: Db, verkenner: Actor, participants: string[]) {
	const id = await itemWith(db, verkenner, participants);
	await transitionItem(db, verkenner, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
	await transitionItem(db, verkenner, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
	const frozen = await frozenVersion(db, id);
	if (!frozen) throw new Error('no frozen version');
	return { id, frozen };
}

export function signInput(itemId: string, municipalityId: string, frozen: { number: number; contentHash: string }, extra: Record<string, unknown> = {}) {
	return {
		itemId,
		municipalityId,
		versionNumber: frozen.number,
		contentHash: frozen.contentHash,
		decision: 'akkoord',
		meetingDate: '2026-01-13',
		kenmerk: `Z/26/${municipalityId}`,
		...extra
	};
}

/** A concept item in which exactly these municipalities take part (the first is trekker). */
export async function itemWith(db: Db, verkenner: Actor, participants: string[], input: Record<string, unknown> = {}): Promise<string> {
	const id = await newItem(db, verkenner, { trekkerId: participants[0], ...input });
	await updateItemFields(db, verkenner, { itemId: id, revision: 1, participants: participants.map((municipalityId) => ({ municipalityId })) }, testOrigin);
	return id;
}
