import { afterEach, describe, expect, it, vi } from 'vitest';
import { logError } from '../../../src/lib/server/error-log';
import { ackForError } from '../../../src/lib/server/realtime/ack';

afterEach(() => vi.restoreAllMocks());

/** Everything written to the log during `run`, one string per console call. */
function logged(run: () => void): string[] {
	const out: string[] = [];
	const keep = (...args: unknown[]) => void out.push(args.map(String).join(' '));
	vi.spyOn(console, 'warn').mockImplementation(keep);
	vi.spyOn(console, 'error').mockImplementation(keep);
	run();
	return out;
}

describe('logError: one line per failed request, with the id the person sees', () => {
	it('a refused request (4xx): one line with id, status, place and reason, no stack', () => {
		let id = '';
		const out = logged(() => (id = logError(new Error('Not found: /wp-admin'), 'GET /wp-admin', 404)));
		expect(id).toMatch(/^[0-9a-f]{8}$/);
		expect(out).toEqual([`fout ${id} 404 GET /wp-admin: Error: Not found: /wp-admin`]);
	});

	it('a server fault: one line with its stack frames; the same fault again points back instead of repeating them', () => {
		const nothing = JSON.parse('null') as { toString(): string };
		const fault = () => {
			try {
				nothing.toString();
			} catch (e) {
				return e;
			}
		};
		let first = '';
		const out = logged(() => {
			for (let i = 0; i < 3; i++) {
				const id = logError(fault(), 'POST /agenda/nieuw');
				first ||= id;
			}
		});
		expect(out).toHaveLength(3);
		for (const line of out) expect(line).not.toContain('\n');
		expect(out[0]).toMatch(new RegExp(`^fout ${first} 500 POST /agenda/nieuw: TypeError: .* \\| at `));
		expect(out[1]).toMatch(new RegExp(`TypeError: .*\\(stack: see fout ${first}\\)$`));
		expect(out[1]).not.toContain(' at ');
	});

	it('a wrapped error names its cause and the cause\'s code (drizzle\'s "Failed query" says nothing on its own)', () => {
		const cause = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
		const out = logged(() => logError(new Error('Failed query: select 1', { cause }), 'collab', 400));
		expect(out).toHaveLength(1);
		expect(out[0]).toMatch(/: Error: Failed query: select 1; cause: Error: terminating connection due to administrator command \(57P01\)$/);
	});

	it('a stranger cannot forge log lines: control characters in the place or message become ?', () => {
		const out = logged(() => logError(new Error('a\nfout 00000000 500 nep'), 'GET /x\r\nfout', 400));
		expect(out).toHaveLength(1);
		expect(out[0]).not.toMatch(/[\r\n]/);
	});
});

describe('the socket acknowledgement of a fault', () => {
	it('keeps the code error_server and gives the id of its one log line in the message', () => {
		let ack: ReturnType<typeof ackForError> | undefined;
		const out = logged(() => (ack = ackForError(new TypeError('kapot'), 'nl')));
		expect(ack).toMatchObject({ ok: false, code: 'error_server' });
		const id = /foutcode ([0-9a-f]{8})/.exec(ack && !ack.ok ? ack.error : '')?.[1];
		expect(id).toBeDefined();
		expect(out).toHaveLength(1);
		expect(out[0]).toMatch(new RegExp(`^fout ${id} 500 socket: TypeError: kapot`));
	});
});
