import { describe, expect, it } from 'vitest';
import { dutchHolidays, easterSunday, isWorkingDay, workingDayFrom } from '../../../src/lib/server/seed/dutch-calendar';

describe('Dutch working days', () => {
	it('finds Easter Sunday in years with early and late Easter', () => {
		expect(easterSunday(2024)).toBe('2024-03-31');
		expect(easterSunday(2025)).toBe('2025-04-20');
		expect(easterSunday(2026)).toBe('2026-04-05');
		expect(easterSunday(2027)).toBe('2027-03-28');
		expect(easterSunday(2038)).toBe('2038-04-25');
	});

	it('knows the public holidays of 2026, Easter-based ones included', () => {
		expect([...dutchHolidays(2026).keys()].sort()).toEqual([
			'2026-01-01',
			'2026-04-03',
			'2026-04-05',
			'2026-04-06',
			'2026-04-27',
			'2026-05-05',
			'2026-05-14',
			'2026-05-24',
			'2026-05-25',
			'2026-12-25',
			'2026-12-26'
		]);
	});

	it("moves King's Day to Saturday 26 April when the 27th is a Sunday", () => {
		expect(dutchHolidays(2025).get('2025-04-26')).toBe('Koningsdag');
		expect(dutchHolidays(2025).has('2025-04-27')).toBe(false);
	});

	it('tells working days from weekends and holidays', () => {
		expect(isWorkingDay('2026-12-07')).toBe(true); // a Monday
		expect(isWorkingDay('2026-12-05')).toBe(false); // a Saturday
		expect(isWorkingDay('2026-05-05')).toBe(false); // Bevrijdingsdag, a Tuesday
		expect(isWorkingDay('2027-05-06')).toBe(false); // Hemelvaartsdag
		expect(isWorkingDay('2027-04-27')).toBe(false); // Koningsdag, a Tuesday
	});

	it('steps away from today past weekends and holidays, so past stays past and future stays future', () => {
		expect(workingDayFrom('2026-12-07', 0)).toBe('2026-12-07');
		expect(workingDayFrom('2026-12-11', 1)).toBe('2026-12-14'); // Saturday → Monday
		expect(workingDayFrom('2026-12-14', -1)).toBe('2026-12-11'); // Sunday → Friday
		expect(workingDayFrom('2026-12-21', 4)).toBe('2026-12-28'); // Christmas Friday, weekend → Monday
		expect(workingDayFrom('2027-01-04', -3)).toBe('2026-12-31'); // Friday 1 January → Thursday
		expect(workingDayFrom('2027-03-25', 1)).toBe('2027-03-30'); // Good Friday, the weekend and Easter Monday → Tuesday
	});
});
