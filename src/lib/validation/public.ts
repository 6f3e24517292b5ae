import { z } from 'zod';

/** Messages are message keys (`validation_public_…`), translated where they are shown. */

/** A checkbox or a JSON boolean: present and on means true; absent means false. */
const checked = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** The verkenner makes an item public before it is adopted, or takes that back. */
export const itemPublicationSchema = z.object({
	itemId: z.uuid('validation_public_item_unknown'),
	public: checked
});

/** The verkenner publishes a closed session's highlights, or takes them off the public site. */
export const highlightsPublicationSchema = z.object({
	meetingId: z.uuid('validation_public_meeting_unknown'),
	published: checked
});
