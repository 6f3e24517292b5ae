import { describe, expect, it } from 'vitest';
import { mentionPersonLabel } from '../../../src/lib/comments/mention-person';

const label = (role: string) => ({ klankbordgroeplid: 'Klankbordgroeplid', collegelid: 'Collegelid', verkenner: 'Verkenner' })[role] ?? role;

describe('a person in the mention list', () => {
	it('shows municipality and role after the name', () => {
		expect(mentionPersonLabel({ id: '1', name: 'Anouk de Vries', roles: [{ role: 'klankbordgroeplid', municipality: 'Leiden' }] }, label)).toBe(
			'Anouk de Vries — Leiden, klankbordgroeplid'
		);
	});
	it('a regional role has no municipality; several roles are all shown', () => {
		expect(mentionPersonLabel({ id: '2', name: 'Maarten Verhoeven', roles: [{ role: 'verkenner', municipality: null }] }, label)).toBe(
			'Maarten Verhoeven — verkenner'
		);
		const both = [
			{ role: 'klankbordgroeplid', municipality: 'Leiden' },
			{ role: 'collegelid', municipality: 'Oegstgeest' }
		];
		expect(mentionPersonLabel({ id: '3', name: 'Bea', roles: both }, label)).toBe('Bea — Leiden, klankbordgroeplid; Oegstgeest, collegelid');
	});
	it('without roles, only the name', () => {
		expect(mentionPersonLabel({ id: '4', name: 'Piet' }, label)).toBe('Piet');
	});
});
