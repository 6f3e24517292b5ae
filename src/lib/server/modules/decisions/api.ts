import type { ItemDecisions, TimelineEntry } from './queries';

const iso = (d: Date) => new Date(d).toISOString();

/** The JSON of `GET /api/v1/items/{id}/decisions` (docs/api.md): what the item page's decisions block shows. */
export function decisionsToJson(d: ItemDecisions) {
	return {
		itemId: d.itemId,
		status: d.status,
		participants: d.participants,
		round: d.round ? { version: d.round.number, contentHash: d.round.contentHash } : null,
		adopted: d.adopted ? { version: d.adopted.versionNumber, contentHash: d.adopted.contentHash, currentDiffers: d.adopted.currentDiffers } : null,
		positions: d.positions.map((p) => ({
			municipality: p.municipalityId,
			position: p.position,
			reasons: p.reasons,
			conditions: p.conditions,
			updatedBy: p.updatedByName,
			updatedAt: iso(p.updatedAt)
		})),
		positionHistory: d.positionHistory.map((h) => ({
			municipality: h.municipalityId,
			from: h.from,
			to: h.to,
			reasons: h.reasons,
			conditions: h.conditions,
			by: h.byName,
			at: iso(h.at)
		})),
		signOffs: d.signOffs.map((s) => ({
			id: s.id,
			municipality: s.municipalityId,
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
			municipality: c.municipalityId,
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
		mayAct: d.mayAct
	};
}

function timelineToJson(e: TimelineEntry) {
	const { at, byName, ...rest } = e;
	const out: Record<string, unknown> = { ...rest, at: iso(at), by: byName };
	if ('municipalityId' in rest) {
		out.municipality = rest.municipalityId;
		delete out.municipalityId;
	}
	return out;
}
