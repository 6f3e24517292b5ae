/** Settings read from the environment once; every server module asks here, never process.env. */
export interface Config {
	databaseUrl: string | undefined;
	dataDir: string;
	port: number;
	origin: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
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
		production,
		demoAllowed: env.DEMO_DATA === 'off' ? false : !(production && databaseUrl)
	};
}
