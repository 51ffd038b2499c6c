// Generates article libraries for tests and benchmarks: many small articles, or one very long one.
// Deterministic: the same count and seed always write the same files. Import it; it has no CLI.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

export type GenerateOptions = {
	/** Seed of the pseudo-random choices. @default 1 */
	seed?: number;
};

/** The sections generated articles are spread over, in the order sections.yaml lists them. */
export const generatedSections = [
	'World',
	'Science',
	'Business',
	'Culture',
	'Technology',
	'Sport',
	'Health',
	'Local Politics',
] as const;

/** The first day of the year that generated dates are spread over. */
export const generatedYearStart = Date.UTC(2025, 0, 1);

const day = 24 * 60 * 60 * 1000;

const adjectives = [
	'coastal', 'northern', 'quiet', 'historic', 'new', 'rural', 'flooded', 'busy', 'small', 'ancient',
	'remote', 'crowded', 'restored', 'disputed', 'local', 'frozen', 'sunlit', 'windswept', 'hidden', 'modern',
];

const nouns = [
	'harbour', 'council', 'bridge', 'library', 'ferry', 'orchard', 'school', 'market', 'museum', 'railway',
	'festival', 'bakery', 'hospital', 'stadium', 'lighthouse', 'quarry', 'reservoir', 'observatory', 'mill', 'choir',
	'village', 'glacier', 'forest', 'island', 'parliament', 'workshop', 'theatre', 'laboratory', 'pier', 'canal',
];

const verbs = [
	'reopens after', 'votes on', 'celebrates', 'faces questions over', 'plans', 'delays', 'wins funding for',
	'closes', 'rebuilds', 'rethinks', 'counts the cost of', 'prepares for', 'welcomes', 'rejects', 'debates',
];

const objects = [
	'a long winter', 'its centenary', 'new timetables', 'a record season', 'the storm damage', 'rising costs',
	'a second vote', 'the new road', 'a royal visit', 'an unexpected find', 'the summer crowds', 'a missing bell',
	'volunteer shortages', 'a wetter spring', 'the regional final', 'a budget gap',
];

const people = [
	'Ines Calloway', 'Dunstan Orrell', 'Rhiannon Petch', 'Morag Eastley', 'Tobias Wren', 'Priya Castellane',
	'Callum Rudd', 'Anwen Hale', 'Gareth Pendry', 'Elsie Mardle', 'Yuki Tanabe', 'Olu Adeyemi',
];

const tags = [
	'transport', 'weather', 'education', 'health', 'energy', 'housing', 'history', 'sport', 'music', 'farming',
	'fishing', 'tourism', 'science', 'budget', 'elections', 'wildlife', 'technology', 'arts', 'food', 'coast',
];

const bodyWords = [
	'the', 'council', 'said', 'residents', 'would', 'meeting', 'morning', 'village', 'plans', 'water', 'road',
	'years', 'local', 'spring', 'report', 'harbour', 'station', 'families', 'winter', 'visitors', 'engineers',
	'agreed', 'evening', 'committee', 'funding', 'school', 'weather', 'season', 'crossing', 'volunteers',
	'and', 'of', 'in', 'to', 'a', 'was', 'for', 'on', 'with', 'at', 'by', 'from', 'after', 'before', 'over',
	'measured', 'published', 'questions', 'answered', 'remained', 'expected', 'finished', 'opened', 'closed',
	'timetable', 'consultation', 'neighbours', 'landing', 'records', 'estimates',
];

const headingWords = ['Background', 'What happens next', 'The numbers', 'Reaction', 'A long history', 'The cost', 'Voices from the town', 'The decision'];

/** mulberry32: a small, fast, deterministic pseudo-random generator returning numbers in [0, 1). */
function randomGenerator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

type Random = {
	next: () => number;
	integer: (min: number, max: number) => number;
	pick: <T>(items: readonly T[]) => T;
	pickSome: <T>(items: readonly T[], count: number) => T[];
};

function createRandom(seed: number): Random {
	const next = randomGenerator(seed);
	const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
	const pickSome = <T>(items: readonly T[], count: number): T[] => {
		const chosen = new Set<T>();
		while (chosen.size < Math.min(count, items.length)) {
			chosen.add(pick(items));
		}

		return [...chosen];
	};

	return {next, integer, pick, pickSome};
}

/** `Local Politics` -> `local-politics`. */
export function sectionSlug(section: string): string {
	return section.toLowerCase().replaceAll(/[^a-z\d]+/g, '-').replaceAll(/^-|-$/g, '');
}

/** `article-00042`: the generated file name (without `.md`) of the article with this 1-based number. */
export function generatedName(number: number): string {
	return `article-${String(number).padStart(5, '0')}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence-like run of words, about `length` characters long, ending with a full stop. */
function wordRun(random: Random, length: number): string {
	const words: string[] = [];
	let size = 0;
	while (size < length - 4) {
		const word = random.pick(bodyWords);
		words.push(word);
		size += word.length + 1;
	}

	return `${capitalise(words.join(' '))}.`;
}

function paragraph(random: Random, lineCount: number, lineLength: number): string {
	const lines = Array.from({length: lineCount}, () => wordRun(random, lineLength));
	// Some inline styles, so that parsing a generated body exercises more than plain text.
	if (random.next() < 0.3) {
		lines[0] = `**${lines[0]!.slice(0, -1)}**.`;
	}

	if (random.next() < 0.2) {
		lines.push(`*${random.pick(people)}* said so.`);
	}

	return lines.join('\n');
}

function frontmatter(fields: Record<string, string | string[] | undefined>): string {
	const lines = ['---'];
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) {
			continue;
		}

		// JSON strings and arrays of strings are valid YAML flow scalars and sequences.
		lines.push(`${key}: ${JSON.stringify(value)}`);
	}

	lines.push('---', '');
	return lines.join('\n');
}

/**
 * Writes `count` articles below `folder`, as `<section-slug>/article-00001.md` and so on, and a
 * sections.yaml listing the sections. Titles, sections, dates (spread over 2025), summaries, tags,
 * related ids and bodies (a few paragraphs and two subheadings) are pseudo-random but deterministic.
 */
export function generateLibrary(folder: string, count: number, options: GenerateOptions = {}): void {
	const random = createRandom(options.seed ?? 1);
	for (const section of generatedSections) {
		mkdirSync(path.join(folder, sectionSlug(section)), {recursive: true});
	}

	writeFileSync(
		path.join(folder, 'sections.yaml'),
		`sections:\n${generatedSections.map(section => `  - ${JSON.stringify(section)}\n`).join('')}`,
	);

	const ids: string[] = [];
	for (let number = 1; number <= count; number++) {
		const section = random.pick(generatedSections);
		const id = `${sectionSlug(section)}/${generatedName(number)}`;
		const noun = random.pick(nouns);
		const title = `${capitalise(random.pick(adjectives))} ${noun} ${random.pick(verbs)} ${random.pick(objects)}`;
		const date = new Date(generatedYearStart + Math.floor(random.next() * 365 * day)).toISOString();
		const related = ids.length > 0 && random.next() < 0.25 ? random.pickSome(ids, random.integer(1, 2)) : undefined;
		const headings = random.pickSome(headingWords, 2);
		const body = [
			paragraph(random, random.integer(2, 4), 70),
			paragraph(random, random.integer(2, 4), 70),
			`## ${headings[0]!}`,
			paragraph(random, random.integer(2, 5), 70),
			`## ${headings[1]!}`,
			paragraph(random, random.integer(2, 5), 70),
			paragraph(random, random.integer(1, 3), 70),
		].join('\n\n');

		const text = frontmatter({
			title,
			section,
			date,
			author: random.pick(people),
			summary: wordRun(random, random.integer(80, 160)),
			tags: [noun, ...random.pickSome(tags, random.integer(1, 3))],
			related,
		}) + `\n${body}\n`;
		writeFileSync(path.join(folder, `${id}.md`), text);
		ids.push(id);
	}
}

/** Columns a generated long article is laid out for. */
const longArticleWidth = 80;
/** Lines of words per paragraph, and their length in characters: a paragraph fills about 5 lines at 80 columns. */
const longParagraphLines = 5;
const longParagraphLineLength = 75;
/** A `##` subheading after this many paragraphs. */
const paragraphsPerSubheading = 40;

/**
 * Writes one article (creating its folder) whose body, laid out at 80 columns, is about `lines`
 * display lines long: paragraphs of about 5 lines, each followed by a blank line, and a `##`
 * subheading every 40 paragraphs.
 */
export function generateLongArticle(file: string, lines: number): void {
	const random = createRandom(lines);
	// Each paragraph wraps to about `longParagraphLines` lines, plus a blank line after it.
	const paragraphLines = Math.ceil(((longParagraphLineLength + 1) * longParagraphLines) / longArticleWidth) + 1;
	const blocks: string[] = [];
	let estimate = 0;
	let paragraphs = 0;
	while (estimate < lines) {
		if (paragraphs > 0 && paragraphs % paragraphsPerSubheading === 0) {
			blocks.push(`## Part ${(paragraphs / paragraphsPerSubheading) + 1}`);
			estimate += 2;
		}

		blocks.push(paragraph(random, longParagraphLines, longParagraphLineLength));
		paragraphs++;
		estimate += paragraphLines;
	}

	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, frontmatter({
		title: `A very long article of about ${lines} lines`,
		section: 'Long Reads',
		date: new Date(generatedYearStart).toISOString(),
		author: random.pick(people),
		summary: `Generated text that lays out to about ${lines} lines at ${longArticleWidth} columns.`,
		tags: ['generated', 'long'],
	}) + `\n${blocks.join('\n\n')}\n`);
}
