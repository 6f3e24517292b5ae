// The toetsingskader's domains and questions as words (the `assessments` messages), for the one page that asks
// them: apart from assessment-labels.ts so that the pages naming an occasion or a choice do not carry these long
// texts in both languages. Typed by assessment.ts's framework: a new question without its words does not compile.
import { m } from '../paraglide/messages.js';
import type { AssessmentDomain, assessmentFramework } from './assessment';
import { label, type Label } from './assessment-labels';

/** `strategisch.wat`: a question's code, as assessment.ts's `questionCodes` spells it. */
type QuestionCode = { [D in AssessmentDomain]: `${D}.${(typeof assessmentFramework)[D][number]}` }[AssessmentDomain];

const domains: Record<AssessmentDomain, Label> = {
	strategisch: m.assessment_domain_strategisch,
	operationeel: m.assessment_domain_operationeel,
	bedrijfseconomisch: m.assessment_domain_bedrijfseconomisch,
	juridisch: m.assessment_domain_juridisch
};

const questions: Record<QuestionCode, Label> = {
	'strategisch.wat': m.assessment_q_strategisch_wat,
	'strategisch.waarom': m.assessment_q_strategisch_waarom,
	'strategisch.hoe': m.assessment_q_strategisch_hoe,
	'strategisch.hoe_lang': m.assessment_q_strategisch_hoe_lang,
	'strategisch.grip': m.assessment_q_strategisch_grip,
	'strategisch.kosten_baten': m.assessment_q_strategisch_kosten_baten,
	'strategisch.draagvlak': m.assessment_q_strategisch_draagvlak,
	'operationeel.kosten': m.assessment_q_operationeel_kosten,
	'operationeel.prestaties': m.assessment_q_operationeel_prestaties,
	'operationeel.risicos': m.assessment_q_operationeel_risicos,
	'operationeel.continuiteit': m.assessment_q_operationeel_continuiteit,
	'operationeel.impact': m.assessment_q_operationeel_impact,
	'operationeel.dienstverlening': m.assessment_q_operationeel_dienstverlening,
	'operationeel.stuurbaarheid': m.assessment_q_operationeel_stuurbaarheid,
	'bedrijfseconomisch.businessplan': m.assessment_q_bedrijfseconomisch_businessplan,
	'bedrijfseconomisch.risicos': m.assessment_q_bedrijfseconomisch_risicos,
	'bedrijfseconomisch.personeel': m.assessment_q_bedrijfseconomisch_personeel,
	'bedrijfseconomisch.overhead': m.assessment_q_bedrijfseconomisch_overhead,
	'bedrijfseconomisch.uittreedkosten': m.assessment_q_bedrijfseconomisch_uittreedkosten,
	'bedrijfseconomisch.btw': m.assessment_q_bedrijfseconomisch_btw,
	'bedrijfseconomisch.aanbestedingsregels': m.assessment_q_bedrijfseconomisch_aanbestedingsregels,
	'bedrijfseconomisch.aansprakelijkheid': m.assessment_q_bedrijfseconomisch_aansprakelijkheid,
	'juridisch.rechtsvorm': m.assessment_q_juridisch_rechtsvorm,
	'juridisch.motivering': m.assessment_q_juridisch_motivering
};

export const domainLabel = label(domains);
export const questionLabel = label(questions);
