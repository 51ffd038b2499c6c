import {describe, expect, it} from 'vitest';
import {formatDate, formatRelativeDate, isoDay} from '../../source/core/dates.js';

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
