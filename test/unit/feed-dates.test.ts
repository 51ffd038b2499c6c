import {describe, expect, it} from 'vitest';
import {parseFeedDate} from '../../source/feeds/feed-dates.js';

describe('parseFeedDate: RFC 822 and its usual mistakes', () => {
	it('reads the date as RFC 822 writes it', () => {
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 GMT')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 +0200')).toBe('2008-06-03T09:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 -0530')).toBe('2008-06-03T16:35:30.000Z');
	});

	it('forgives missing seconds, a missing or wrong weekday, one-digit days, lowercase and extra spaces', () => {
		expect(parseFeedDate('Tue, 3 Jun 2008 11:05 GMT')).toBe('2008-06-03T11:05:00.000Z');
		expect(parseFeedDate('03 Jun 2008 11:05:30 GMT')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Fri, 03 Jun 2008 11:05:30 GMT')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('  tue,   03  jun 2008   11:05:30   gmt ')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Tuesday, 3 June 2008 9:05:30 GMT')).toBe('2008-06-03T09:05:30.000Z');
		expect(parseFeedDate('Tue 03 Sept. 2008 11:05:30 GMT')).toBe('2008-09-03T11:05:30.000Z');
	});

	it('reads named zones: UT, GMT, Z and the US ones', () => {
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 UT')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 Z')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 EST')).toBe('2008-06-03T16:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 EDT')).toBe('2008-06-03T15:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 PST')).toBe('2008-06-03T19:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 PDT')).toBe('2008-06-03T18:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 CEST')).toBe('2008-06-03T09:05:30.000Z');
	});

	it('reads a military zone letter as UTC, as RFC 2822 says to', () => {
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 A')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 N')).toBe('2008-06-03T11:05:30.000Z');
	});

	it('reads a date with no zone as UTC', () => {
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30')).toBe('2008-06-03T11:05:30.000Z');
	});

	it('reads two-digit years as RFC 2822 does: 00-49 are 20xx, 50-99 are 19xx', () => {
		expect(parseFeedDate('Tue, 03 Jun 08 11:05:30 GMT')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Thu, 03 Jun 99 11:05:30 GMT')).toBe('1999-06-03T11:05:30.000Z');
		expect(parseFeedDate('Thu, 03 Jun 49 11:05:30 GMT')).toBe('2049-06-03T11:05:30.000Z');
		expect(parseFeedDate('Thu, 03 Jun 50 11:05:30 GMT')).toBe('1950-06-03T11:05:30.000Z');
	});

	it('reads the orders JavaScript and asctime write', () => {
		expect(parseFeedDate('Tue Jun 03 2008 11:05:30 GMT+0200 (Central European Summer Time)')).toBe('2008-06-03T09:05:30.000Z');
		expect(parseFeedDate('Tue Jun  3 11:05:30 2008')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('Tue, 03-Jun-2008 11:05:30 GMT')).toBe('2008-06-03T11:05:30.000Z');
	});

	it('reads a 12-hour clock: 4:00 PM is 16:00, 12:30 AM is 00:30, and PM does not pass for a zone', () => {
		expect(parseFeedDate('June 3, 2008 4:00 PM')).toBe('2008-06-03T16:00:00.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 4:05:30 pm EST')).toBe('2008-06-03T21:05:30.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 12:30 AM GMT')).toBe('2008-06-03T00:30:00.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 12:30pm')).toBe('2008-06-03T12:30:00.000Z');
		expect(parseFeedDate('Tue, 03 Jun 2008 16:30 PM')).toBeUndefined();
	});

	it('reads ET, CT, MT, PT and AT (no standard or daylight letter) as the standard time, not UTC', () => {
		expect(parseFeedDate('Mon, 26 January 2004 16:31:00 ET')).toBe('2004-01-26T21:31:00.000Z');
		expect(parseFeedDate('Mon, 26 January 2004 16:31:00 CT')).toBe('2004-01-26T22:31:00.000Z');
		expect(parseFeedDate('Mon, 26 January 2004 16:31:00 MT')).toBe('2004-01-26T23:31:00.000Z');
		expect(parseFeedDate('Mon, 26 January 2004 16:31:00 PT')).toBe('2004-01-27T00:31:00.000Z');
		expect(parseFeedDate('Mon, 26 January 2004 16:31:00 AT')).toBe('2004-01-26T20:31:00.000Z');
	});

	it('reads the tz database\'s Etc/GMT and Twitter\'s order (zone before the year)', () => {
		expect(parseFeedDate('Wed, 19 Aug 2009 18:28:00 Etc/GMT')).toBe('2009-08-19T18:28:00.000Z');
		expect(parseFeedDate('Sun Jul 15 01:16:00 +0000 2012')).toBe('2012-07-15T01:16:00.000Z');
		expect(parseFeedDate('Sun Jul 15 01:16:00 -0200 2012')).toBe('2012-07-15T03:16:00.000Z');
	});

	it('crosses a day boundary with the offset', () => {
		expect(parseFeedDate('Mon, 31 Dec 2007 23:30:00 -0100')).toBe('2008-01-01T00:30:00.000Z');
	});
});

describe('parseFeedDate: ISO 8601 and RFC 3339', () => {
	it('reads full timestamps with Z or an offset, and fractions of a second', () => {
		expect(parseFeedDate('2008-06-03T11:05:30Z')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('2008-06-03T11:05:30+02:00')).toBe('2008-06-03T09:05:30.000Z');
		expect(parseFeedDate('2008-06-03T11:05:30.123+05:30')).toBe('2008-06-03T05:35:30.123Z');
		expect(parseFeedDate('2008-06-03t11:05:30z')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('2008-06-03T11:05:30-0800')).toBe('2008-06-03T19:05:30.000Z');
	});

	it('reads a timestamp without a zone as UTC, a space for the T, and no seconds', () => {
		expect(parseFeedDate('2008-06-03T11:05:30')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('2008-06-03 11:05:30')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('2008-06-03T11:05Z')).toBe('2008-06-03T11:05:00.000Z');
	});

	it('reads UTC or GMT written as a word after the time', () => {
		expect(parseFeedDate('2008-06-03 11:05:30 UTC')).toBe('2008-06-03T11:05:30.000Z');
		expect(parseFeedDate('2008-06-03T11:05:30 GMT')).toBe('2008-06-03T11:05:30.000Z');
	});

	it('reads a date alone (and W3C-DTF year-month and year) as midnight UTC', () => {
		expect(parseFeedDate('2008-06-03')).toBe('2008-06-03T00:00:00.000Z');
		expect(parseFeedDate('2008-06')).toBe('2008-06-01T00:00:00.000Z');
		expect(parseFeedDate('2008')).toBe('2008-01-01T00:00:00.000Z');
	});
});

describe('parseFeedDate: none and garbage', () => {
	it('gives undefined for no date, an empty one, and words', () => {
		expect(parseFeedDate(undefined)).toBeUndefined();
		expect(parseFeedDate('')).toBeUndefined();
		expect(parseFeedDate('   ')).toBeUndefined();
		expect(parseFeedDate('yesterday')).toBeUndefined();
		expect(parseFeedDate('not a date')).toBeUndefined();
		expect(parseFeedDate('1212121212')).toBeUndefined();
	});

	it('gives undefined for dates that do not exist', () => {
		expect(parseFeedDate('Tue, 31 Feb 2008 11:05:30 GMT')).toBeUndefined();
		expect(parseFeedDate('2008-13-01')).toBeUndefined();
		expect(parseFeedDate('2008-02-30T00:00:00Z')).toBeUndefined();
		expect(parseFeedDate('Tue, 03 Jun 2008 25:05:30 GMT')).toBeUndefined();
		expect(parseFeedDate('Tue, 03 Jun 2008 11:65:30 GMT')).toBeUndefined();
		expect(parseFeedDate('Tue, 03 Foo 2008 11:05:30 GMT')).toBeUndefined();
	});

	it('gives undefined when something that is not a zone follows the time', () => {
		expect(parseFeedDate('Tue, 03 Jun 2008 11:05:30 and then some')).toBeUndefined();
		expect(parseFeedDate('2008-06-03T11:05:30 GMT plus')).toBeUndefined();
	});

	it('accepts 29 February in a leap year only', () => {
		expect(parseFeedDate('Fri, 29 Feb 2008 12:00:00 GMT')).toBe('2008-02-29T12:00:00.000Z');
		expect(parseFeedDate('Thu, 29 Feb 2007 12:00:00 GMT')).toBeUndefined();
	});
});
