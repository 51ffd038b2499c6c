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
