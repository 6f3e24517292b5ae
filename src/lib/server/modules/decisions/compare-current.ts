import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import { currentContent, getVersion, type VersionDetail } from '../agenda-items';
import { diffContents, type VersionDiff } from '../agenda-items';
import { signedContentHash } from './signed-content';

export interface CurrentComparison {
	from: VersionDetail;
	/** The item as it is now (not a stored version). */
	current: { content: VersionDetail['content']; signedHash: string };
	/** Whether the signed content (sign-offs/signed-content.ts) of the two is the same. */
	sameSignedContent: boolean;
	diff: VersionDiff;
}

/** A version next to the item as it is now: what changed since a college signed that version. */
export async function compareWithCurrent(q: Queryable, actor: Actor | null, itemId: string, from: number): Promise<CurrentComparison> {
	const version = await getVersion(q, actor, itemId, from);
	const now = await currentContent(q, actor, itemId);
	const signedHash = signedContentHash(now);
	return {
		from: version,
		current: { content: now, signedHash },
		sameSignedContent: signedContentHash(version.content) === signedHash,
		diff: diffContents(version.content, now)
	};
}
