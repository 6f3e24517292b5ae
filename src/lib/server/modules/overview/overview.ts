import type { Queryable } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { amsterdamParts } from '../../../meetings/time';
import * as decisions from '../decisions';
import { ambitionFigures } from './ambitions';
import { costFigures } from './costs';
import { decisionProgress } from './decision-progress';
import { comingUp } from './coming-up';
import { recentActivity } from './activity';

/**
 * The region at a glance, for the start page: per ambition its items by status and the progress of those in
 * execution, the position matrix, per municipality its college's and council's progress and its costs, what
 * comes next and what happened lately. Every part is a read model of its own (each checks the actor), built
 * on the lists the rest of the portal shows, so the figures are those lists counted.
 */
export async function regionOverview(q: Queryable, actor: Actor | null, now = new Date()) {
	authorize(actor, 'item.read');
	const [ambitions, matrix, municipalities, costs, next, activity] = await Promise.all([
		ambitionFigures(q, actor),
		decisions.positionMatrix(q, actor),
		decisionProgress(q, actor),
		costFigures(q, actor),
		comingUp(q, actor, amsterdamParts(now).date, now),
		recentActivity(q, actor)
	]);
	return { ambitions, matrix, municipalities, costs, next, activity };
}
