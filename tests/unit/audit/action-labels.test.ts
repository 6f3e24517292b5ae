// Every audit action has a label in both languages, and an old name reads as the action it is called now.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions, legacyActions, currentAction, storedNames } from '../../../src/lib/server/modules/audit/actions';
import { actionLabel, actionMessages } from '../../../src/lib/server/modules/audit/labels';

const messagesDir = path.resolve(import.meta.dirname, '../../../messages');

/** All messages of one language, over every area. */
function messages(locale: 'nl' | 'en'): Record<string, string> {
	const all: Record<string, string> = {};
	for (const area of readdirSync(messagesDir)) {
		const file = path.join(messagesDir, area, `${locale}.json`);
		Object.assign(all, JSON.parse(readFileSync(file, 'utf8')));
	}
	return all;
}

describe('audit action labels', () => {
	const nl = messages('nl');
	const en = messages('en');

	it.each(auditActions)('%s has a label in Dutch and in English', (action) => {
		const key = actionMessages[action];
		expect(nl[key]?.trim(), `nl ${key}`).toBeTruthy();
		expect(en[key]?.trim(), `en ${key}`).toBeTruthy();
		expect(actionLabel(action, 'nl')).toBe(nl[key]);
		expect(actionLabel(action, 'en')).toBe(en[key]);
	});

	it('names every action in the past tense, one dot: <object>.<what happened>', () => {
		for (const action of auditActions) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
	});

	it('labels an old name as the action it is called now, and a filter on it finds both names', () => {
		for (const [old, now] of Object.entries(legacyActions)) {
			expect(auditActions).not.toContain(old);
			expect(currentAction(old)).toBe(now);
			expect(actionLabel(old, 'nl')).toBe(actionLabel(now, 'nl'));
			expect(actionLabel(old, 'en')).toBe(actionLabel(now, 'en'));
			expect(storedNames(now)).toEqual(expect.arrayContaining([now, old]));
		}
		expect(storedNames('item.status_changed')).toEqual(['item.status_changed', 'item.transition']);
		expect(storedNames('comment.edited')).toEqual(['comment.edited']);
	});

	it('shows an action no one knows as itself', () => {
		expect(currentAction('agenda.exported')).toBeNull();
		expect(actionLabel('agenda.exported', 'en')).toBe('agenda.exported');
	});
});
