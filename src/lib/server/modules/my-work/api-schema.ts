import { z } from 'zod';
import { itemStatuses } from '../../../agenda/constants';
import { voidReasons } from '../../../decisions/constants';
import type { MyWork } from './my-work';

// The JSON shape of `GET /api/v1/mijn-werk` as a zod schema of the output (the OpenAPI document is generated
// from it). The type check below fails when MyWork and the schema part ways (dates become ISO strings in JSON).

const moment = z.iso.datetime();
const waiting = z.object({ itemId: z.guid(), title: z.string(), municipalityId: z.string(), since: moment });

export const myWorkJson = z.object({
	roles: z.object({ college: z.boolean(), griffie: z.boolean(), klankbordgroep: z.boolean(), verkenner: z.boolean() }),
	decide: z.array(waiting).describe('College: items up for its decision'),
	voided: z
		.array(
			z.object({
				itemId: z.guid(),
				title: z.string(),
				municipalityId: z.string(),
				version: z.int(),
				reason: z.enum(voidReasons),
				byName: z.string(),
				at: moment
			})
		)
		.describe('College: its decisions voided in the last 30 days'),
	council: z.array(waiting).describe('Griffie: adopted items awaiting the council follow-up'),
	position: z.array(waiting).describe('Klankbordgroep: items awaiting its municipality’s position'),
	unread: z.int().min(0),
	actionPoints: z.array(
		z.object({ id: z.guid(), meetingId: z.guid(), meetingTitle: z.string(), itemId: z.guid().nullable(), body: z.string(), dueOn: z.iso.date().nullable() })
	),
	stuck: z
		.array(z.object({ itemId: z.guid(), title: z.string(), status: z.enum(itemStatuses), since: moment, waitingFor: z.array(z.string()) }))
		.describe('Verkenner: what is stuck where'),
	count: z.int().min(0).describe('decide + council + position')
});

export const myWorkCountJson = z.object({ count: z.int().min(0) });

/** Dates as JSON writes them. */
type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const shapeMatches: Same<z.output<typeof myWorkJson>, Jsonified<MyWork>> = true;
void shapeMatches;
