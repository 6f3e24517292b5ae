import * as interviews from '../../modules/interviews';
import { horizons } from '../../../agenda/constants';
import { interviewBodies, interviewVisibilities } from '../../../interviews/constants';
import { municipalityIds } from '../../../roles';
import { errors, ok, pathParam, queryParam, uuidSchema, type ApiArea } from '../registry';

const ignored = ' An unknown value is ignored.';

/** The verkenner's inventory interviews (for `interview.read`: verkenner, klankbordgroep, administrators). */
export const interviewsArea: ApiArea = {
	tag: {
		name: 'Interviews',
		description:
			'The verkenner’s inventory interviews. Confidential interviews exist only for the verkenner and administrators: for anyone else they are absent from every list, and a request for one answers 404 as for an id that does not exist.'
	},
	schemas: { InterviewOverview: interviews.interviewOverviewJson, Interview: interviews.interviewJson },
	paths: {
		'/api/v1/interviews': {
			get: {
				operationId: 'listInterviews',
				tags: ['Interviews'],
				summary: 'The inventory: interviews, the matrix of municipalities and bodies, candidates',
				parameters: [
					queryParam('gemeente', `A municipality.${ignored}`, { type: 'string', enum: [...municipalityIds] }),
					queryParam('orgaan', `A body.${ignored}`, { type: 'string', enum: [...interviewBodies] }),
					queryParam('ambitie', `Ambition number 1–7.${ignored}`, { type: 'string' }),
					queryParam('horizon', `Before or after the elections.${ignored}`, { type: 'string', enum: [...horizons] }),
					queryParam('zichtbaarheid', `Visibility.${ignored}`, { type: 'string', enum: [...interviewVisibilities] })
				],
				responses: { 200: ok('The inventory', 'InterviewOverview'), ...errors(400, 401, 403, 503) }
			}
		},
		'/api/v1/interviews/{id}': {
			get: {
				operationId: 'getInterview',
				tags: ['Interviews'],
				summary: 'One interview with its notes and candidates',
				parameters: [pathParam('id', 'The interview’s id', uuidSchema)],
				responses: { 200: ok('The interview', 'Interview'), ...errors(400, 401, 403, 404, 503) }
			}
		}
	}
};
