import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleCollector } from '../../../src/lib/server/idle-collector.js';

describe('the collection after a burst of work', () => {
	afterEach(() => vi.useRealTimers());

	function setUp() {
		vi.useFakeTimers();
		const collections: object[] = [];
		const collector = idleCollector({ intervalMs: 1000, busyFrom: 5, collect: (o) => void collections.push(o) });
		/** `units` of work spread over one interval. */
		const interval = (units: number) => {
			for (let i = 0; i < units; i++) collector.touch();
			vi.advanceTimersByTime(1000);
		};
		return { collector, collections, interval };
	}

	it('runs once in the first quiet interval after a busy one, and not again until the next burst', () => {
		const { collector, collections, interval } = setUp();
		interval(50);
		interval(50);
		expect(collections).toHaveLength(0);
		interval(1);
		expect(collections).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
		for (let i = 0; i < 10; i++) interval(i % 2 ? 1 : 0);
		expect(collections).toHaveLength(1);
		interval(5);
		interval(0);
		expect(collections).toHaveLength(2);
		collector.stop();
	});

	it('never runs while work keeps coming, nor on a thread that only does a little now and then', () => {
		const { collector, collections, interval } = setUp();
		for (let i = 0; i < 20; i++) interval(4);
		expect(collections).toHaveLength(0);
		for (let i = 0; i < 20; i++) interval(30);
		expect(collections).toHaveLength(0);
		collector.stop();
	});

	it('does nothing without V8 collection exposed', () => {
		const collector = idleCollector({ collect: undefined });
		expect(() => collector.touch()).not.toThrow();
	});
});
