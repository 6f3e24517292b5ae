/** Settings read from the environment once; every server module asks here, never process.env. */
export interface Config {
	databaseUrl: string | undefined;
	dataDir: string;
	port: number;
	origin: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** The portal's address in mails sent outside a request (digests, notices): ORIGIN, or localhost. */
	siteUrl: string;
	/** The hour (0–23, Europe/Amsterdam) the daily digest goes out. */
	digestHour: number;
	/** Seconds before a failed mail is tried again (doubling each time) and how many times. */
	mailRetryDelay: number;
	mailRetryLimit: number;
	production: boolean;
	/** Whether demo data may be loaded into an empty database at start-up. */
	demoAllowed: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const production = env.NODE_ENV === 'production';
	const databaseUrl = env.DATABASE_URL || undefined;
	return {
		databaseUrl,
		dataDir: env.DATA_DIR || './data',
		port: Number(env.PORT || 3000),
		origin: env.ORIGIN || undefined,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'Regioportaal Leidse regio <noreply@regioportaal.nl>',
		siteUrl: env.ORIGIN || `http://localhost:${Number(env.PORT || 3000)}`,
		digestHour: boundedInt(env.DIGEST_HOUR, 7, 0, 23),
		mailRetryDelay: boundedInt(env.MAIL_RETRY_DELAY_SECONDS, 30, 1, 3600),
		mailRetryLimit: boundedInt(env.MAIL_RETRY_LIMIT, 10, 0, 50),
		production,
		demoAllowed: env.DEMO_DATA === 'off' ? false : !(production && databaseUrl)
	};
}

/** A whole number setting within bounds; anything else falls back to the default (a typo must not stop mail). */
function boundedInt(value: string | undefined, fallback: number, min: number, max: number): number {
	const n = Number(value);
	return value !== undefined && value !== '' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}
