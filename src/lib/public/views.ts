/**
 * What the public pages' components read of the public read models (`modules/public/schemas.ts`), as plain
 * types a component may import (client code imports nothing from `src/lib/server`). The server's shapes are
 * wider; these name only the fields shown, so a page passes the read model's objects as they are.
 */
export interface PublicItemCardView {
	id: string;
	url: string;
	title: string;
	summary: string;
	status: string;
	adopted: boolean;
	trekker: string | null;
	participants: string[];
	progressPercent: number | null;
}

export interface PublicDecisionView {
	id: string;
	kind: 'college' | 'raad';
	itemId: string;
	itemTitle: string;
	municipalityId: string;
	outcome: string;
	meetingDate: string;
	kenmerk: string;
}
