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
/** The boards whose meetings the register plans: general (AB), daily (DB) board, portefeuillehoudersoverleg. */
export const boardMeetingKinds = ['ab', 'db', 'pho'] as const;
export type BoardMeetingKind = (typeof boardMeetingKinds)[number];
/** The most one of a cover note's three texts may hold: a note is a page or two, not a report. */
export const COVER_NOTE_TEXT_MAX = 10_000;
/** A comment's length, as the table's check allows it. */
export const REGISTER_COMMENT_MAX = 5000;
/** What the board member is at home: the *dubbele pet* of a college or council member. */
export const seatHolderRoles = ['college', 'raad'] as const;

/** The decision moments of an arrangement's planning-and-control cycle. */
export const cycleMomentKinds = ['kadernota', 'begroting', 'jaarrekening', 'zienswijze', 'evaluatie'] as const;

/** The horizon of a municipality's overview: decision moments in the next six months. */
export const UPCOMING_MONTHS = 6;
