// Dates as feeds write them -> ISO 8601 in UTC. RFC 822/2822 (RSS) is read by a small grammar of its
// own that forgives the usual mistakes; ISO 8601 / RFC 3339 / W3C-DTF (Atom, JSON Feed, dc:date) by another.
// Date.parse is not used: what it accepts differs between engines and it reads garbage as dates.

const months: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
	january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
	november: 11, december: 12,
};

const weekdays = new Set([
	'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
	'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

// Offsets in minutes east of UTC. RFC 822's own zones, then a few that feeds use and that mean one
// thing only. RFC 2822 (4.3) says the one-letter military zones were defined with the wrong sign and
// are to be read as -0000, that is UTC; Z is UTC in any case.
const namedZones: Record<string, number> = {
	ut: 0, utc: 0, gmt: 0, z: 0,
	est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
	akst: -540, akdt: -480, hst: -600,
	wet: 0, west: 60, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, msk: 180,
	jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, acst: 570, acdt: 630, awst: 480,
	nzst: 720, nzdt: 780,
	// The North American zones without the standard or daylight letter (`ET`), as some feeds write them,
	// are read as standard time.
	ast: -240, adt: -180, at: -240, et: -300, ct: -360, mt: -420, pt: -480,
};

/** Reads a feed's date; undefined for none or for one that is not a date. */
export function parseFeedDate(raw: string | undefined): string | undefined {
	if (raw === undefined) {
		return undefined;
	}

	const text = raw.trim();
	if (text === '' || text.length > 100) {
		return undefined;
	}

	return /^\d{4}(?:-|$)/.test(text) ? parseIsoDate(text) : parseRfc822Date(text);
}

// YYYY, YYYY-MM, YYYY-MM-DD, then [T or space] hh:mm[:ss[.fff]] and a zone (Z, ±hh:mm, ±hhmm, ±hh,
// or UTC / GMT / UT as some feeds write it); a time without a zone is read as UTC.
const isoPattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ]\s*(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz]|UTC|utc|GMT|gmt|UT)|([+-])(\d{2})(?::?(\d{2}))?)?)?)?)?$/;

function parseIsoDate(text: string): string | undefined {
	const match = isoPattern.exec(text);
	if (!match) {
		return undefined;
	}

	const [, year, month, day, hour, minute, second, fraction, , sign, zoneHours, zoneMinutes] = match;
	const milliseconds = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
	let offset = 0;
	if (sign) {
		offset = ((Number(zoneHours) * 60) + Number(zoneMinutes ?? 0)) * (sign === '-' ? -1 : 1);
		if (Number(zoneHours) > 23 || Number(zoneMinutes ?? 0) > 59) {
			return undefined;
		}
	}

	return toIso({
		year: Number(year),
		month: Number(month ?? 1),
		day: Number(day ?? 1),
		hour: Number(hour ?? 0),
		minute: Number(minute ?? 0),
		second: Number(second ?? 0),
		milliseconds,
		offset,
	});
}

// RFC 822 and its mistakes: `[weekday[,]] day month year time [zone]`, the weekday any case or
// spelling (and ignored when it is wrong), the month by name (full, with a dot, any case), a two- or
// three-digit year, seconds optional, the hour one digit, extra spaces; also `weekday month day
// [time] year [zone]` (as JavaScript and asctime write them) and `month day, year time [zone]`.
function parseRfc822Date(text: string): string | undefined {
	let tokens = text.toLowerCase().replace(/,/g, ' ').replace(/\b(\d{1,2})-([a-z]{3,9}\.?)-(\d{2,4})\b/, '$1 $2 $3').split(/\s+/).filter(token => token !== '');
	if (tokens.length > 0 && weekdays.has(tokens[0]!.replace(/\.$/, ''))) {
		tokens = tokens.slice(1);
	}

	let day: string | undefined;
	let monthName: string | undefined;
	let year: string | undefined;
	let time: string | undefined;
	let zone: string[];
	const [first, second, third, ...rest] = tokens;
	if (first === undefined || second === undefined || third === undefined) {
		return undefined;
	}

	if (/^\d{1,2}$/.test(first)) {
		// day month year time zone (the RFC 822 order); `03-Jun-2008` is split below.
		[day, monthName, year] = [first, second, third];
		[time, ...zone] = rest;
	} else if (/^\d{1,2}$/.test(second)) {
		// month day year time zone, or month day time year zone (asctime).
		monthName = first;
		day = second;
		if (third.includes(':')) {
			time = third;
			// asctime puts the year last; Twitter's `Sun Jul 15 01:16:00 +0000 2012` puts the zone before it.
			const last = rest.at(-1);
			if (rest.length > 1 && !/^\d{2,4}$/.test(rest[0]!) && last !== undefined && /^\d{4}$/.test(last)) {
				year = last;
				zone = rest.slice(0, -1);
			} else {
				[year, ...zone] = rest;
			}
		} else {
			year = third;
			[time, ...zone] = rest;
		}
	} else {
		return undefined;
	}

	const month = months[monthName.replace(/\.$/, '')];
	if (month === undefined || !/^\d{2,4}$/.test(year ?? '')) {
		return undefined;
	}

	let fullYear = Number(year);
	if (year!.length === 2) {
		// RFC 2822 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999.
		fullYear += fullYear < 50 ? 2000 : 1900;
	} else if (year!.length === 3) {
		fullYear += 1900;
	}

	let hour = 0;
	let minute = 0;
	let secondOfMinute = 0;
	if (time !== undefined) {
		// The zone may be written onto the time (`11:05:30+0200`, `11:05Z`).
		const timeMatch = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(.*)$/.exec(time);
		if (!timeMatch) {
			return undefined;
		}

		hour = Number(timeMatch[1]);
		minute = Number(timeMatch[2]);
		secondOfMinute = Number(timeMatch[3] ?? 0);
		if (timeMatch[4]) {
			zone = [timeMatch[4], ...zone];
		}

		// A 12-hour clock (`4:00 PM`, `4:00pm`).
		const meridiem = /^([ap])\.?m\.?$/.exec(zone[0] ?? '');
		if (meridiem) {
			if (hour < 1 || hour > 12) {
				return undefined;
			}

			hour = (hour % 12) + (meridiem[1] === 'p' ? 12 : 0);
			zone = zone.slice(1);
		}
	}

	const offset = zoneOffset(zone);
	if (offset === undefined) {
		return undefined;
	}

	return toIso({year: fullYear, month, day: Number(day), hour, minute, second: secondOfMinute, milliseconds: 0, offset});
}

// The zone: none (UTC), ±hhmm, ±hh:mm, ±hh, a name, a name with an offset (`GMT+0200`, `UTC+2`), a
// name with its spelling in brackets (`+0200 (CEST)`). An unknown name is read as UTC, as RFC 2822
// reads an unknown zone; anything else after the time means the date is not one.
function zoneOffset(parts: string[]): number | undefined {
	// `Etc/GMT` as the tz database names it.
	const zone = parts.join(' ').replace(/\s*\([^)]*\)$/, '').trim().replace(/^etc\//, '');
	if (zone === '') {
		return 0;
	}

	const match = /^([a-z]{1,5})?\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(zone);
	if (!match || (match[1] === undefined && match[2] === undefined)) {
		return undefined;
	}

	const [, name, sign, hours, minutes] = match;
	let offset = name === undefined ? 0 : (namedZones[name] ?? 0);
	if (sign) {
		// `+0200` is hours and minutes, `+2` and `+02` hours.
		let zoneHours = Number(hours);
		let zoneMinutes = Number(minutes ?? 0);
		if (minutes === undefined && hours!.length > 2) {
			return undefined;
		}

		if (zoneHours > 23 || zoneMinutes > 59) {
			return undefined;
		}

		zoneHours *= sign === '-' ? -1 : 1;
		zoneMinutes *= sign === '-' ? -1 : 1;
		offset += (zoneHours * 60) + zoneMinutes;
	}

	return offset;
}

type DateParts = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	milliseconds: number;
	/** Minutes east of UTC. */
	offset: number;
};

function toIso(parts: DateParts): string | undefined {
	const {year, month, day, hour, minute, offset} = parts;
	// A leap second is read as the second before it.
	const second = parts.second === 60 ? 59 : parts.second;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth
		|| hour > 24 || (hour === 24 && (minute > 0 || second > 0)) || minute > 59 || second > 59) {
		return undefined;
	}

	const utc = Date.UTC(year, month - 1, day, hour, minute, second, parts.milliseconds) - (offset * 60_000);
	return new Date(utc).toISOString();
}
