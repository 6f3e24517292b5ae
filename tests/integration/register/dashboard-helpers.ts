import type { Db } from '../../../src/lib/server/db';
import { collaborationAssessmentScores, collaborationAssessments, collaborationBoardMeetings } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { testOrigin } from '../../fixtures/factories';
import { arrangementWith, servicepunt, servicepuntParticipants, type Suite } from './helpers';

/** Dates around one fixed "today", so the six-month windows are tested at their edges. */
export const TODAY = '2026-12-06';

/**
 * A small register: Servicepunt71 (Leiden, Leiderdorp, Oegstgeest, Zoeterwoude) with contributions over three
 * years, and Holland Rijnland with Leiden only; the amounts differ per municipality and year so a sum of the
 * wrong rows shows.
 */
export async function smallRegister(s: Suite) {
	const { id: sp } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: sp, ...servicepuntParticipants }, testOrigin);
	const hr = await arrangementWith(s, { name: 'Holland Rijnland', domain: 'Regionaal', noticeTerm: null, noticeUnit: null }, 'leiden', [
		'Katwijk',
		'Teylingen'
	]);
	const amounts: [string, string, number, number][] = [
		[sp, 'leiden', 2024, 900_000_00],
		[sp, 'leiden', 2025, 950_000_00],
		[sp, 'leiden', 2026, 1_000_000_00],
		[sp, 'oegstgeest', 2026, 210_000_00],
		[sp, 'leiderdorp', 2026, 180_000_00],
		[hr, 'leiden', 2025, 40_000_00],
		[hr, 'leiden', 2026, 42_500_00]
	];
	for (const [collaborationId, municipalityId, year, cents] of amounts)
		await register.setContribution(s.db, s.verkenner.actor, { collaborationId, municipalityId, year, cents, key: 'inwoners' }, testOrigin);
	return { sp, hr };
}

export async function addMoments(s: Suite, collaborationId: string, moments: { kind: string; on: string; municipalityId?: string | null; note?: string }[]) {
	for (const mo of moments) await register.addMoment(s.db, s.verkenner.actor, { collaborationId, ...mo }, testOrigin);
}

export async function addBoardMeeting(db: Db, collaborationId: string, board: string, on: string, title = '') {
	const [row] = await db.insert(collaborationBoardMeetings).values({ collaborationId, board, on, title }).returning();
	return row;
}

/** A completed assessment with scores, written directly (its commands belong to another part of the register). */
export async function completedAssessment(db: Db, collaborationId: string, title: string, completedAt: Date | null, scores: [string, string, number][]) {
	const [row] = await db.insert(collaborationAssessments).values({ collaborationId, occasion: 'evaluatie', title, completedAt }).returning();
	if (scores.length)
		await db
			.insert(collaborationAssessmentScores)
			.values(scores.map(([municipalityId, criterion, score]) => ({ assessmentId: row.id, municipalityId, criterion, score })));
	return row;
}
