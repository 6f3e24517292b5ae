/**
 * The register of joint arrangements (*samenwerkingen*): the words it uses, as codes. The Dutch names are
 * the users' own (domain.md); labels come from the `register` messages.
 */

/** What kind of collaboration it is: a light one (no legal form), a GR, a covenant or under private law. */
export const collaborationKinds = ['licht', 'gr', 'convenant', 'privaatrecht'] as const;
export type CollaborationKind = (typeof collaborationKinds)[number];

/** The legal forms of the toetsingskader's legal questions, by the kind they belong to. */
export const legalFormsByKind = {
	licht: [],
	gr: ['openbaar_lichaam', 'gemeenschappelijk_orgaan', 'centrumgemeente', 'bedrijfsvoeringsorganisatie', 'regeling_zonder_meer'],
	convenant: ['convenant'],
	privaatrecht: ['privaatrechtelijke_overeenkomst', 'privaatrechtelijke_rechtspersoon']
} as const satisfies Record<CollaborationKind, readonly string[]>;
export const legalForms = Object.values(legalFormsByKind).flat();

/** Whether the arrangement carries out policy or runs operations (Wgr: *beleidsvoering* / *bedrijfsvoering*). */
export const steerings = ['beleidsvoering', 'bedrijfsvoering'] as const;

/** The unit of a notice term: a term without a unit means nothing. */
export const noticeUnits = ['maanden', 'jaren'] as const;

export const boards = ['ab', 'db'] as const;
/** What the board member is at home: the *dubbele pet* of a college or council member. */
export const seatHolderRoles = ['college', 'raad'] as const;

/** The decision moments of an arrangement's planning-and-control cycle. */
export const cycleMomentKinds = ['kadernota', 'begroting', 'jaarrekening', 'zienswijze', 'evaluatie'] as const;

/** The horizon of a municipality's overview: decision moments in the next six months. */
export const UPCOMING_MONTHS = 6;
