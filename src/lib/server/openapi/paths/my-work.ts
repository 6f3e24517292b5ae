import * as myWork from '../../modules/my-work';
import { errors, ok, queryParam, ref, type ApiArea } from '../registry';

/** What awaits the signed-in person. */
export const myWorkArea: ApiArea = {
	tag: { name: 'My work', description: 'What awaits the signed-in person, by the roles they hold.' },
	schemas: { MyWork: myWork.myWorkJson, MyWorkCount: myWork.myWorkCountJson },
	paths: {
		'/api/v1/mijn-werk': {
			get: {
				operationId: 'getMyWork',
				tags: ['My work'],
				summary: 'What awaits the signed-in person (the start page)',
				parameters: [queryParam('alleen', '`aantal`: answer only `{ "count": n }` (the navigation’s count)', { type: 'string', enum: ['aantal'] })],
				responses: {
					200: ok('The lists, or only the count with `alleen=aantal`', { oneOf: [ref('MyWork'), ref('MyWorkCount')] }),
					...errors(400, 401, 403, 503)
				}
			}
		}
	}
};
