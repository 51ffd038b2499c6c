// What a saved news page says about itself around the headline: the byline ("By Jane Doe"), the
// dates ("Published 27 November 2026", "Updated Nov 28, 2026"), the reading time, and the menu items
// that are the site's navigation ("Home", "Subscribe", "Log in") rather than sections.

/** The site's own links in a menu: never a section or a tag (compared in lower case). */
const navigationWords = new Set([
	'home', 'home page', 'homepage', 'front page', 'menu', 'main menu', 'search', 'search site',
	'subscribe', 'subscribe now', 'subscriptions', 'log in', 'login', 'log out', 'logout', 'sign in',
	'sign up', 'sign out', 'register', 'newsletter', 'newsletters', 'my account', 'account', 'profile',
	'contact', 'contact us', 'about', 'about us', 'donate', 'support us', 'skip to content',
	'skip to main content', 'all sections', 'sections', 'more', 'e-paper', 'epaper', 'e-edition',
	'digital edition', 'advertise', 'help', 'faq', 'rss', 'follow us',
]);

/** True for a menu item that is the site's navigation, not a section: `Home`, `Log in`. */
export function isNavigationItem(item: string): boolean {
	return navigationWords.has(item.toLowerCase().replaceAll(/[^\p{L}\p{N} -]/gu, '').replaceAll(/\s+/g, ' ').trim());
}

/** What a line of the page's header says: who wrote it, when it was published or updated. */
export type PageMeta = {author?: string; published?: string; updated?: string};

const monthNumbers: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
	january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
	november: 11, december: 12,
};

const month = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ordinal = '(\\d{1,2})(?:st|nd|rd|th)?';
const dayMonthYear = new RegExp(`^${ordinal}\\s+(?:of\\s+)?${month},?\\s+(\\d{4})$`, 'i');
const monthDayYear = new RegExp(`^${month}\\s+${ordinal},?\\s+(\\d{4})$`, 'i');
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const numericDate = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const weekday = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+/i;
// A time after the date: `, 14:05`, ` at 2:05pm`, ` 09.30 GMT`, ` - 10am`.
const timeOfDay = /(?:\s*[,|–—-]\s*|\s+at\s+|\s+)\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s+[A-Z]{2,5}|\s*\([A-Z]{2,5}\))?$/i;

/**
 * A date as news pages write it -> `YYYY-MM-DD`, or undefined. `27/11/2026` is read day first, and
 * `11/27/2026` month first only because 27 cannot be a month; `05/06/2026` could be either and is not read.
 */
export function parsePageDate(text: string): string | undefined {
	let rest = text.trim().replace(weekday, '');
	// Tried as it is, then once more without a time of day after it.
	for (let attempt = 0; attempt < 2; attempt++) {
		const iso = isoDate.exec(rest);
		if (iso) {
			return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
		}

		const dmy = dayMonthYear.exec(rest);
		if (dmy) {
			return validDay(Number(dmy[3]), monthNumber(dmy[2]), Number(dmy[1]));
		}

		const mdy = monthDayYear.exec(rest);
		if (mdy) {
			return validDay(Number(mdy[3]), monthNumber(mdy[1]), Number(mdy[2]));
		}

		const numeric = numericDate.exec(rest);
		if (numeric) {
			const [first, second, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
			if (first > 12 && second <= 12) {
				return validDay(year, second, first);
			}

			if (second > 12 && first <= 12) {
				return validDay(year, first, second);
			}

			return first === second ? validDay(year, first, first) : undefined;
		}

		rest = rest.replace(timeOfDay, '');
	}

	return undefined;
}

function monthNumber(name: string | undefined): number {
	return monthNumbers[(name ?? '').toLowerCase().replace('.', '')] ?? 0;
}

function validDay(year: number, monthOfYear: number, day: number): string | undefined {
	const date = new Date(Date.UTC(year, monthOfYear - 1, day));
	if (year < 1900 || date.getUTCMonth() !== monthOfYear - 1 || date.getUTCDate() !== day) {
		return undefined;
	}

	return date.toISOString().slice(0, 10);
}

const bylinePrefix = /^(?:written by|words by|story by|reporting by|by)\s*:?\s+(.+)$/i;
const datePrefix = /^(published|first published|posted|updated|last updated|modified|last modified)(?:\s+(?:on|at))?\s*:?\s+(.+)$/i;
const readingTime = /^\d+\s*(?:-\s*)?min(?:ute)?s?(?:\s+read|\s+reading(?:\s+time)?)?$/i;
// Lower-case words that belong in names: Anna de Vries, Ali bin Omar.
const nameParticles = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'of']);

/**
 * What a header line says (`By Jane Doe | Published 27 November 2026 · 4 min read`), or undefined
 * when any part of it is something else (then it is article text).
 */
export function parseMetaLine(line: string): PageMeta | undefined {
	const parts = line.split(/\s+[|·•]\s+|\s+[–—]\s+(?=(?:published|updated|posted)\b)/i).map(part => part.trim()).filter(part => part !== '');
	if (parts.length === 0) {
		return undefined;
	}

	const meta: PageMeta = {};
	for (const part of parts) {
		if (!readPart(part, meta)) {
			return undefined;
		}
	}

	return meta;
}

/** Reads one part of a header line into `meta`; false when it is not a byline, date or reading time. */
function readPart(part: string, meta: PageMeta): boolean {
	if (readingTime.test(part)) {
		return true;
	}

	const dated = datePrefix.exec(part);
	if (dated) {
		const day = parsePageDate(dated[2] ?? '');
		if (day === undefined) {
			return false;
		}

		const kind = /updated|modified/i.test(dated[1] ?? '') ? 'updated' : 'published';
		meta[kind] ??= day;
		return true;
	}

	const byline = bylinePrefix.exec(part);
	if (byline) {
		// `By Jane Doe on 27 November 2026`, `By Jane Doe, Health Correspondent`
		const [who = '', when] = (byline[1] ?? '').split(/\s+on\s+(?=\S*\d)/i);
		if (when !== undefined) {
			const day = parsePageDate(when);
			if (day === undefined) {
				return false;
			}

			meta.published ??= day;
		}

		const name = who.split(/\s*,\s*/)[0] ?? '';
		if (!isNameList(name)) {
			return false;
		}

		meta.author ??= name;
		return true;
	}

	const day = parsePageDate(part);
	if (day !== undefined) {
		meta.published ??= day;
		return true;
	}

	return false;
}

/** `Jane Doe`, `Jane Doe and Tom Roe`, `Anna de Vries`: capitalised words, at most five per name. */
function isNameList(text: string): boolean {
	// `By the Harbour Trust`: an organisation may start with `the`.
	const names = text.replace(/^the\s+(?=\p{Lu})/u, '').split(/\s+(?:and|&)\s+/);
	return text.length <= 80 && names.every(name => {
		const words = name.split(/\s+/).filter(word => word !== '');
		return words.length > 0 && words.length <= 5 && /^\p{Lu}/u.test(words[0] ?? '') && words.every(word => /^[\p{Lu}][\p{L}'’.-]*$/u.test(word) || nameParticles.has(word));
	});
}
