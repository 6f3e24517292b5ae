import type { MunicipalityId } from '../../../roles';
import type { ItemDecisionsJson, TimelineEntryJson } from './api-schema';
import type { ItemDecisions, TimelineEntry } from './queries';

const iso = (d: Date) => new Date(d).toISOString();
const slug = (id: string) => id as MunicipalityId;
const slugs = (ids: string[]) => ids as MunicipalityId[];

/** The JSON of `GET /api/v1/items/{id}/decisions` (docs/api.md): what the item page's decisions block shows. */
export function decisionsToJson(d: ItemDecisions): ItemDecisionsJson {
	return {
		itemId: d.itemId,
		status: d.status,
		participants: slugs(d.participants),
		round: d.round ? { version: d.round.number, contentHash: d.round.contentHash } : null,
		adopted: d.adopted ? { version: d.adopted.versionNumber, contentHash: d.adopted.contentHash, currentDiffers: d.adopted.currentDiffers } : null,
		positions: d.positions.map((p) => ({
			municipality: slug(p.municipalityId),
			position: p.position,
			reasons: p.reasons,
			conditions: p.conditions,
			sharedPublicly: p.sharedPublicly,
			updatedBy: p.updatedByName,
			updatedAt: iso(p.updatedAt)
		})),
		positionHistory: d.positionHistory.map((h) => ({
			municipality: slug(h.municipalityId),
			from: h.from,
			to: h.to,
			reasons: h.reasons,
			conditions: h.conditions,
			by: h.byName,
			at: iso(h.at)
		})),
		signOffs: d.signOffs.map((s) => ({
			id: s.id,
			municipality: slug(s.municipalityId),
			decision: s.decision,
			conditions: s.conditions,
			reasons: s.reasons,
			withdrawn: s.withdrawn,
			meetingDate: s.meetingDate,
			kenmerk: s.kenmerk,
			documentUrl: s.documentUrl,
			signedBy: s.signedByName,
			signedAt: iso(s.signedAt),
			version: { number: s.versionNumber, contentHash: s.contentHash },
			verified: s.verified,
			valid: !s.voided,
			voided: s.voided ? { at: iso(s.voided.at), by: s.voided.byName, reason: s.voided.reason } : null,
			coversCurrentText: s.matchesCurrent
		})),
		council: d.council.map((c) => ({
			id: c.id,
			municipality: slug(c.municipalityId),
			meetingDate: c.meetingDate,
			outcome: c.outcome,
			wensenEnBedenkingen: c.wensenEnBedenkingen,
			kenmerk: c.kenmerk,
			version: c.versionNumber,
			recordedBy: c.recordedByName,
			recordedAt: iso(c.recordedAt)
		})),
		progress: d.progress
			? { percent: d.progress.percent, note: d.progress.note, reportedBy: d.progress.reportedByName, reportedAt: iso(d.progress.reportedAt) }
			: null,
		timeline: d.timeline.map(timelineToJson),
		mayAct: { position: slugs(d.mayAct.position), signoff: slugs(d.mayAct.signoff), council: slugs(d.mayAct.council) }
	};
}

/** A timeline entry with `at` as ISO, `byName` as `by` and `municipalityId` as `municipality` (shape checked by the schema's test). */
function timelineToJson(e: TimelineEntry): TimelineEntryJson {
	const { at, byName, ...rest } = e;
	const out: Record<string, unknown> = { ...rest, at: iso(at), by: byName };
	if ('municipalityId' in rest) {
		out.municipality = rest.municipalityId;
		delete out.municipalityId;
	}
	return out as TimelineEntryJson;
}
