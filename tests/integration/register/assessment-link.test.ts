/**
 * An agenda item that proposes a new arrangement or a change to one carries the linked assessment in its
 * content: the version hash and the signed hash change with it, a captured version holds it, and an item
 * without a link keeps exactly the hash it had.
 */
import { describe, expect, it } from 'vitest';
import { testOrigin } from '../../fixtures/factories';
import * as register from '../../../src/lib/server/modules/register';
import { captureVersion, currentContent, freeze, getVersion, transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { frozenVersion } from '../../../src/lib/server/modules/decisions';
import { signedContentHash } from '../../../src/lib/server/modules/decisions/signed-content';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { ValidationError } from '../../../src/lib/server/errors';
import { rejection } from '../agenda/helpers';
import { itemWith, readyItem } from '../decisions/helpers';
import { registerAudit, registerSuite, servicepuntArrangement } from './helpers';

const s = registerSuite();

async function proposal(): Promise<{ collaborationId: string; id: string }> {
	const collaborationId = await servicepuntArrangement(s);
	const { id } = await register.createAssessment(
		s.db,
		s.verkenner.actor,
		{ collaborationId, occasion: 'voorstel_wijziging', title: 'Toetreding Voorschoten' },
		testOrigin
	);
	await register.saveAnswers(
		s.db,
		s.verkenner.actor,
		{ assessmentId: id, revision: 1, answers: { 'strategisch.waarom': 'Schaal', 'strategisch.wat': 'ICT' } },
		testOrigin
	);
	await register.setChoice(s.db, s.verkenner.actor, { assessmentId: id, revision: 2, choice: 'samen_doen', reasons: 'Kwetsbaarheid' }, testOrigin);
	await register.scoreAssessment(
		s.db,
		s.adviseurOegstgeest.actor,
		{
			assessmentId: id,
			municipalityId: 'oegstgeest',
			scores: [
				{ criterion: 'kwaliteit', score: 4 },
				{ criterion: 'efficiency', score: 3 }
			]
		},
		testOrigin
	);
	await register.scoreAssessment(
		s.db,
		s.adviseurLeiden.actor,
		{ assessmentId: id, municipalityId: 'leiden', scores: [{ criterion: 'efficiency', score: 5 }] },
		testOrigin
	);
	return { collaborationId, id };
}

const hashes = async (itemId: string) => {
	const content = await currentContent(s.db, s.verkenner.actor, itemId);
	return { content, hash: freeze(content).hash, signed: signedContentHash(content) };
};

describe('linking an assessment to an agenda item', () => {
	it('puts the arrangement and its assessment in the content, changing the hash and the signed hash; unlinking restores them', async () => {
		const { collaborationId, id } = await proposal();
		const itemId = await itemWith(s.db, s.verkenner.actor, ['leiden', 'oegstgeest']);
		const before = await hashes(itemId);
		expect('collaboration' in before.content).toBe(false);

		await register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: id, itemId }, testOrigin);
		const linked = await hashes(itemId);
		expect(linked.hash).not.toBe(before.hash);
		expect(linked.signed).not.toBe(before.signed);
		expect(linked.content.collaboration).toEqual({
			collaborationId,
			name: 'Servicepunt71',
			occasion: 'voorstel_wijziging',
			assessment: {
				id,
				title: 'Toetreding Voorschoten',
				answers: { 'strategisch.waarom': 'Schaal', 'strategisch.wat': 'ICT' },
				choice: 'samen_doen',
				choiceReasons: 'Kwetsbaarheid',
				scores: [
					{ municipalityId: 'leiden', criterion: 'efficiency', score: 5, motivation: '' },
					{ municipalityId: 'oegstgeest', criterion: 'efficiency', score: 3, motivation: '' },
					{ municipalityId: 'oegstgeest', criterion: 'kwaliteit', score: 4, motivation: '' }
				]
			}
		});
		expect(Object.keys(linked.content.collaboration!.assessment.answers)).toEqual(['strategisch.waarom', 'strategisch.wat']);
		expect((await registerAudit(s.db, collaborationId)).at(-1)?.details).toEqual({ assessmentId: id, itemId });

		await register.unlinkAssessment(s.db, s.verkenner.actor, { assessmentId: id }, testOrigin);
		expect(await hashes(itemId)).toEqual(before);
	});

	it('keeps exactly the old hash of an item without a link', async () => {
		const { id } = await proposal();
		const itemId = await itemWith(s.db, s.verkenner.actor, ['leiden']);
		const other = await itemWith(s.db, s.verkenner.actor, ['leiden']);
		const before = await hashes(itemId);
		await register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: id, itemId: other }, testOrigin);
		expect(await hashes(itemId)).toEqual(before);
	});

	it('captures the assessment in a version, as it was when captured', async () => {
		const { id } = await proposal();
		const itemId = await itemWith(s.db, s.verkenner.actor, ['leiden', 'oegstgeest']);
		await register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: id, itemId }, testOrigin);
		const { version } = await captureVersion(s.db, s.verkenner.actor, { itemId }, testOrigin);
		await register.setChoice(s.db, s.verkenner.actor, { assessmentId: id, revision: 3, choice: 'uitbesteden', reasons: 'Later anders' }, testOrigin);
		const stored = await getVersion(s.db, s.verkenner.actor, itemId, version.number);
		expect(stored.content.collaboration?.assessment).toMatchObject({ id, choice: 'samen_doen', choiceReasons: 'Kwetsbaarheid' });
		expect((await currentContent(s.db, s.verkenner.actor, itemId)).collaboration?.assessment.choice).toBe('uitbesteden');
	});

	it('links only while the item is not frozen, and then refuses changes to the assessment', async () => {
		const { id } = await proposal();
		const frozenItem = await readyItem(s.db, s.verkenner.actor, ['leiden', 'oegstgeest']);
		const refused = await rejection(register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: id, itemId: frozenItem.id }, testOrigin));
		expect([refused.key, refused.status]).toEqual(['assessment_item_frozen', 409]);

		const { id: second } = await proposal();
		const itemId = await itemWith(s.db, s.verkenner.actor, ['leiden', 'oegstgeest']);
		await register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: second, itemId }, testOrigin);
		await transitionItem(s.db, s.verkenner.actor, { itemId, from: 'concept', to: 'in_bespreking' }, testOrigin);
		await transitionItem(s.db, s.verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const frozen = await frozenVersion(s.db, itemId);
		const signedBefore = (await hashes(itemId)).signed;
		// Each attempt starts only when the one before has been refused: a command never runs unawaited.
		for (const attempt of [
			() =>
				register.scoreAssessment(
					s.db,
					s.adviseurLeiden.actor,
					{ assessmentId: second, municipalityId: 'leiden', scores: [{ criterion: 'kwaliteit', score: 1 }] },
					testOrigin
				),
			() => register.setChoice(s.db, s.verkenner.actor, { assessmentId: second, revision: 3, choice: 'zelf_doen' }, testOrigin),
			() => register.unlinkAssessment(s.db, s.verkenner.actor, { assessmentId: second }, testOrigin)
		]) {
			const err = await rejection(attempt());
			expect([err.key, err.status]).toEqual(['assessment_item_frozen', 409]);
		}
		expect((await hashes(itemId)).signed).toBe(signedBefore);
		expect(frozen && (await getVersion(s.db, s.verkenner.actor, itemId, frozen.number)).content.collaboration?.assessment.id).toBe(second);
	});

	it('allows one assessment per item, an existing item, and the verkenner or administrator only', async () => {
		const { id } = await proposal();
		const { id: other } = await proposal();
		const itemId = await itemWith(s.db, s.verkenner.actor, ['leiden']);
		await register.linkAssessmentToItem(s.db, s.admin.actor, { assessmentId: id, itemId }, testOrigin);
		const taken = await rejection(register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: other, itemId }, testOrigin));
		expect(taken).toBeInstanceOf(ValidationError);
		expect(taken.fields.itemId).toBe('validation_assessment_item_taken');
		const missing = await rejection(register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: other, itemId: crypto.randomUUID() }, testOrigin));
		expect(missing.fields.itemId).toBe('validation_assessment_item_unknown');
		const bad = await rejection(register.linkAssessmentToItem(s.db, s.verkenner.actor, { assessmentId: other, itemId: 'x' }, testOrigin));
		expect(bad.fields.itemId).toBe('validation_assessment_item_unknown');
		const item2 = await itemWith(s.db, s.verkenner.actor, ['leiden']);
		for (const who of [s.kbLeiden, s.adviseurLeiden, s.collegeLeiden])
			expect(await rejection(register.linkAssessmentToItem(s.db, who.actor, { assessmentId: other, itemId: item2 }, testOrigin))).toBeInstanceOf(
				ForbiddenError
			);
		const view = await register.assessmentOfItem(s.db, s.collegeLeiden.actor, itemId);
		expect(view.linked?.id).toBe(id);
		expect((await register.assessmentOfItem(s.db, s.verkenner.actor, item2)).options.map((o) => o.id)).toContain(other);
	});
});
