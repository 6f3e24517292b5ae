import type { Db } from '../db';
import type { Actor } from '../permissions';
import { ValidationError } from '../errors';
import * as register from '../modules/register';
import { municipalityIds } from '../../roles';
import { weighingCriteria } from '../../register/assessment';
import { demoOrigin, type DemoPeople } from './demo-people';

/** The arrangements the demo evaluation may be about, in order of preference. */
const SUBJECTS = ['Servicepunt71', 'Samenwerking sociaal domein Leidse regio'];

const answers: Record<string, string> = {
	'strategisch.wat': 'Gezamenlijke uitvoering van ICT, personeelszaken, financiën en inkoop voor de deelnemende gemeenten.',
	'strategisch.waarom': 'Minder kwetsbaarheid van kleine afdelingen, meer kwaliteit en op termijn lagere kosten door schaal.',
	'strategisch.hoe': 'Als bedrijfsvoeringsorganisatie onder de Wet gemeenschappelijke regelingen, met dienstverleningsovereenkomsten per gemeente.',
	'strategisch.hoe_lang': 'Ja, voor onbepaalde tijd; de regeling wordt elke vier jaar geëvalueerd.',
	'strategisch.grip': 'Via de halfjaarlijkse rapportage op het dashboard, de kadernota en de zienswijze op de begroting.',
	'strategisch.kosten_baten': 'De kosten stegen de eerste jaren door frictie; de kwaliteit en continuïteit van de bedrijfsvoering zijn verbeterd.',
	'strategisch.draagvlak': 'Breed ambtelijk draagvlak; bestuurlijk zijn er zorgen over de stuurbaarheid van de kosten.',
	'operationeel.kosten': 'De bijdrage per inwoner is gestegen, vooral door ICT-investeringen.',
	'operationeel.prestaties': 'De afspraken in de dienstverleningsovereenkomsten worden grotendeels gehaald.',
	'operationeel.risicos': 'Afhankelijkheid van één leverancier voor de kernapplicaties.',
	'operationeel.continuiteit': 'Beter geborgd dan toen elke gemeente het zelf deed.',
	'operationeel.dienstverlening': 'Voor inwoners onzichtbaar; voor de organisaties een vaste ingang per vakgebied.',
	'bedrijfseconomisch.uittreedkosten': 'Bij uittreden betaalt een gemeente de frictiekosten van drie jaar; zie de regeling.',
	'bedrijfseconomisch.btw': 'De btw wordt via het btw-compensatiefonds verrekend; de kostendelingsvrijstelling is van toepassing.',
	'juridisch.rechtsvorm': 'Bedrijfsvoeringsorganisatie (Wgr).',
	'juridisch.motivering': 'Een bedrijfsvoeringsorganisatie past bij uitvoering zonder beleidsbevoegdheden.'
};

/** Plausible scores per municipality on the eight criteria (1–5), in the criteria's order. */
const scores: Record<string, number[]> = {
	leiden: [4, 4, 3, 3, 3, 4, 2, 4],
	leiderdorp: [3, 4, 2, 2, 3, 4, 2, 4],
	oegstgeest: [3, 3, 2, 2, 2, 3, 2, 4],
	zoeterwoude: [4, 3, 3, 3, 3, 4, 3, 4]
};

/** A short motivation per criterion, for a low (1–2), middle (3) or high (4–5) score. */
const motivations: Record<string, [low: string, middle: string, high: string]> = {
	efficiency: [
		'De kosten per inwoner stijgen harder dan afgesproken.',
		'Schaalvoordeel deels gehaald; ICT drukt de kosten.',
		'Duidelijk goedkoper dan het zelf doen.'
	],
	effectiviteit: [
		'De afgesproken prestaties worden vaak niet gehaald.',
		'De meeste afspraken worden gehaald.',
		'De dienstverlening is merkbaar beter en stabieler.'
	],
	democratische_legitimiteit: [
		'De raad staat ver van de besluitvorming.',
		'De raad wordt geïnformeerd, maar laat.',
		'De raad is tijdig en volledig betrokken.'
	],
	politieke_grip: [
		'Weinig sturing op de kosten via de begroting.',
		'Sturing via zienswijze en kadernota, niet daartussen.',
		'Het college stuurt goed via het bestuur.'
	],
	transparantie: [
		'Rapportages zijn laat en moeilijk te lezen.',
		'Rapportages zijn volledig maar technisch.',
		'Open en begrijpelijk over kosten en prestaties.'
	],
	eenduidige_orientatie: ['Te veel opdrachtgevers met eigen wensen.', 'Heldere doelen, wisselende prioriteiten.', 'Eén heldere opdracht van de gemeenten.'],
	participatie: [
		'Inwoners en medewerkers worden nauwelijks betrokken.',
		'Medewerkers worden betrokken, inwoners niet.',
		'Medewerkers en gebruikers worden actief betrokken.'
	],
	kwaliteit: ['De kwaliteit schiet tekort.', 'De kwaliteit is voldoende.', 'De kwaliteit is beter dan toen elke gemeente het zelf deed.']
};
const motivationFor = (criterion: string, score: number) => motivations[criterion]?.[score <= 2 ? 0 : score === 3 ? 1 : 2] ?? '';

function accountOf(who: DemoPeople, account: string): Actor | null {
	try {
		return who(account);
	} catch {
		return null;
	}
}

/**
 * One completed evaluation of Servicepunt71 (or the social-domain arrangement) through the register's own
 * commands: answers in Dutch, the choice *samen doen*, and the scores of the first three participating
 * municipalities whose ambtelijk adviseur has a demo account (`adviseur.<municipality>`). Without such an
 * arrangement nothing is written; missing adviseur accounts are skipped.
 */
export async function seedDemoAssessments(db: Db, who: DemoPeople, collaborationIdByName: Map<string, string>): Promise<void> {
	const collaborationId = SUBJECTS.map((name) => collaborationIdByName.get(name)).find(Boolean);
	if (!collaborationId) return;
	const verkenner = who('verkenner');
	const { id: assessmentId } = await register.createAssessment(db, verkenner, { collaborationId, occasion: 'evaluatie', title: 'Evaluatie 2026' }, demoOrigin);
	await register.saveAnswers(db, verkenner, { assessmentId, revision: 1, answers }, demoOrigin);
	const reasons =
		'Samen doen blijft de beste keuze: zelf doen maakt de gemeenten weer kwetsbaar, uitbesteden vraagt een markt die er voor deze taken nauwelijks is. Wel meer grip op de kosten.';
	await register.setChoice(db, verkenner, { assessmentId, revision: 2, choice: 'samen_doen', reasons }, demoOrigin);
	let scored = 0;
	for (const municipalityId of municipalityIds) {
		const adviseur = accountOf(who, `adviseur.${municipalityId}`);
		if (!adviseur || scored === 3) continue;
		const list = (scores[municipalityId] ?? scores.leiden).map((score, i) => ({
			criterion: weighingCriteria[i],
			score,
			motivation: motivationFor(weighingCriteria[i], score)
		}));
		try {
			await register.scoreAssessment(db, adviseur, { assessmentId, municipalityId, scores: list }, demoOrigin);
			scored++;
		} catch (err) {
			// A municipality that does not take part has no scores to give.
			if (!(err instanceof ValidationError)) throw err;
		}
	}
	await register.completeAssessment(db, verkenner, { assessmentId, revision: 3 }, demoOrigin);
}
