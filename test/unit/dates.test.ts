import {describe, expect, it} from 'vitest';
import {dateStyleOfRange, formatDate, formatRelativeDate, isoDay, listDateRange, listDateStyle} from '../../source/core/dates.js';

// Midday UTC, so the calendar date is the same in every time zone from UTC-11 to UTC+11.
const published = '2026-11-05T12:00:00.000Z';
const at = (milliseconds: number) => new Date(Date.parse(published) + milliseconds);

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelativeDate', () => {
	it('says "just now" up to the last millisecond before a minute', () => {
		expect(formatRelativeDate(published, at(0))).toBe('just now');
		expect(formatRelativeDate(published, at(minute - 1))).toBe('just now');
		expect(formatRelativeDate(published, at(minute))).toBe('1m ago');
	});

	it('counts minutes up to the hour, hours up to the day', () => {
		expect(formatRelativeDate(published, at(hour - 1))).toBe('59m ago');
		expect(formatRelativeDate(published, at(hour))).toBe('1h ago');
		expect(formatRelativeDate(published, at(day - 1))).toBe('23h ago');
		expect(formatRelativeDate(published, at(day))).toBe('1d ago');
	});

	it('says "6d ago" one millisecond before a week, and the calendar date at exactly a week', () => {
		expect(formatRelativeDate(published, at((7 * day) - 1))).toBe('6d ago');
		expect(formatRelativeDate(published, at(7 * day))).toBe('5 Nov 2026');
	});

	it('shows the calendar date for an article dated in the future', () => {
		expect(formatRelativeDate(published, at(-1))).toBe('5 Nov 2026');
	});

	it('shows nothing for an article without a date', () => {
		expect(formatRelativeDate(undefined, at(0))).toBe('');
	});
});

describe('formatDate and isoDay', () => {
	it('writes a day, a short month and the year', () => {
		expect(formatDate(published)).toBe('5 Nov 2026');
		expect(formatDate(undefined)).toBe('');
	});

	it('gives a date that is not one (a hand-edited comment log) as it is written, relative or not, instead of failing', () => {
		expect(formatDate('9999-99-99')).toBe('9999-99-99');
		expect(formatRelativeDate('9999-99-99', new Date(published))).toBe('9999-99-99');
	});

	it('gives the date part of an ISO date for plain listings', () => {
		expect(isoDay(published)).toBe('2026-11-05');
		expect(isoDay(undefined)).toBe('');
	});
});

describe('a list\'s date style, from its range found once', () => {
	const now = new Date('2026-03-10T12:00:00Z');
	const cases: Array<[string, Array<string | undefined>, 'relative' | 'calendar']> = [
		['every date within the week', ['2026-03-10T11:00:00Z', '2026-03-04T13:00:00Z', undefined], 'relative'],
		['one date a week old', ['2026-03-10T11:00:00Z', '2026-03-03T12:00:00Z'], 'calendar'],
		['one date ahead of now', ['2026-03-10T12:00:01Z'], 'calendar'],
		['a date that cannot be read', ['2026-03-10T11:00:00Z', 'next Tuesday'], 'calendar'],
		['no dates at all', [undefined, ''], 'relative'],
	];
	for (const [what, dates, style] of cases) {
		it(`is ${style} for ${what}, at any later time the same as worked out from the dates`, () => {
			expect(dateStyleOfRange(listDateRange(dates), now)).toBe(style);
			expect(listDateStyle(dates, now)).toBe(style);
		});
	}

	it('turns to calendar dates once the oldest is a week old, without reading the dates again', () => {
		const range = listDateRange(['2026-03-10T11:00:00Z', '2026-03-04T12:00:00Z']);
		expect(dateStyleOfRange(range, now)).toBe('relative');
		expect(dateStyleOfRange(range, new Date('2026-03-11T12:00:00Z'))).toBe('calendar');
	});
});
