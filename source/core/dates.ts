// Dates as a reader sees them: relative when recent ("3h ago"), a short calendar date otherwise.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

let calendarDate: Intl.DateTimeFormat | undefined;

/** `12 Nov 2026`, or '' for an article without a date; a date that is not one (`9999-99-99`) as it is written. */
export function formatDate(iso: string | undefined): string {
	if (!iso) {
		return '';
	}

	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) {
		return iso;
	}

	// Created on first use: building a DateTimeFormat costs milliseconds at start-up.
	calendarDate ??= new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric'});
	return calendarDate.format(date);
}

/** `just now`, `5m ago`, `3h ago`, `2d ago` within a week of `now`, else the calendar date. */
export function formatRelativeDate(iso: string | undefined, now: Date): string {
	if (!iso) {
		return '';
	}

	const elapsed = now.getTime() - new Date(iso).getTime();
	if (Number.isNaN(elapsed) || elapsed < 0 || elapsed >= 7 * day) {
		return formatDate(iso);
	}

	if (elapsed < minute) {
		return 'just now';
	}

	if (elapsed < hour) {
		return `${Math.floor(elapsed / minute)}m ago`;
	}

	return elapsed < day ? `${Math.floor(elapsed / hour)}h ago` : `${Math.floor(elapsed / day)}d ago`;
}

/** `2026-11-12`, the date part of an ISO date, for plain listings. */
export function isoDay(iso: string | undefined): string {
	return iso ? iso.slice(0, 10) : '';
}

/** How a list shows its dates: all relative (`3d ago`) or all calendar dates (`21 Nov 2026`), never mixed. */
export type ListDateStyle = 'relative' | 'calendar';

/** Widest date of each style: `just now` and `21 Nov 2026`. */
export const LIST_DATE_WIDTH: Record<ListDateStyle, number> = {relative: 8, calendar: 11};

/**
 * One style for a whole list: relative when every dated article is within a week of `now` (as a
 * daily reader's list is), else calendar dates for all, so `3d ago` never sits next to `21 Nov 2026`.
 */
export function listDateStyle(dates: Iterable<string | undefined>, now: Date): ListDateStyle {
	return dateStyleOfRange(listDateRange(dates), now);
}

/** What a list's date style depends on, found once per list: the oldest and newest dates, and whether one cannot be read. */
export type ListDateRange = {oldest: number; newest: number; unreadable: boolean};

export function listDateRange(dates: Iterable<string | undefined>): ListDateRange {
	let oldest = Number.POSITIVE_INFINITY;
	let newest = Number.NEGATIVE_INFINITY;
	for (const iso of dates) {
		if (!iso) {
			continue;
		}

		const time = new Date(iso).getTime();
		if (Number.isNaN(time)) {
			return {oldest, newest, unreadable: true};
		}

		oldest = Math.min(oldest, time);
		newest = Math.max(newest, time);
	}

	return {oldest, newest, unreadable: false};
}

/** listDateStyle for a range found before: relative when every date is of the last 7 days and none is ahead of now. */
export function dateStyleOfRange({oldest, newest, unreadable}: ListDateRange, now: Date): ListDateStyle {
	if (unreadable) {
		return 'calendar';
	}

	const time = now.getTime();
	const undated = oldest === Number.POSITIVE_INFINITY;
	return undated || (!Number.isNaN(time) && newest <= time && time - oldest < 7 * day) ? 'relative' : 'calendar';
}

/** An article's date in a list's style. */
export function formatListDate(iso: string | undefined, style: ListDateStyle, now: Date): string {
	return style === 'relative' ? formatRelativeDate(iso, now) : formatDate(iso);
}
