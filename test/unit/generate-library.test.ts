import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {layoutArticle} from '../../source/core/layout.js';
import {loadLibrary} from '../../source/core/library.js';
import {parseArticle} from '../../source/core/parse-markdown.js';
import {
	generatedName,
	generatedSections,
	generatedYearStart,
	generateLibrary,
	generateLongArticle,
	sectionSlug,
} from '../generate-library.js';

const temporaryFolders: string[] = [];

function temporaryFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'newsread-generate-test-'));
	temporaryFolders.push(folder);
	return folder;
}

afterEach(() => {
	vi.restoreAllMocks();
	for (const folder of temporaryFolders.splice(0)) {
		rmSync(folder, {recursive: true, force: true});
	}
});

/** Every file below a folder, relative to it, with `/` separators, sorted. */
function filesBelow(folder: string): string[] {
	return readdirSync(folder, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => path.relative(folder, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
		.sort();
}

describe('generateLibrary', () => {
	it('names files by section and number', () => {
		expect(sectionSlug('Local Politics')).toBe('local-politics');
		expect(sectionSlug('World')).toBe('world');
		expect(generatedName(1)).toBe('article-00001');
		expect(generatedName(12_345)).toBe('article-12345');

		const folder = temporaryFolder();
		generateLibrary(folder, 30);
		const articles = filesBelow(folder).filter(file => file.endsWith('.md'));
		expect(articles).toHaveLength(30);
		const slugs = new Set(generatedSections.map(section => sectionSlug(section)));
		for (const file of articles) {
			expect(file).toMatch(/^[a-z-]+\/article-\d{5}\.md$/);
			expect(slugs.has(file.split('/')[0]!)).toBe(true);
		}

		const numbers = articles.map(file => Number(/(\d{5})\.md$/.exec(file)?.[1])).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({length: 30}, (_, index) => index + 1));
	});

	it('writes the same files for the same seed and different ones for another seed', () => {
		const first = temporaryFolder();
		const second = temporaryFolder();
		const other = temporaryFolder();
		generateLibrary(first, 25, {seed: 7});
		generateLibrary(second, 25, {seed: 7});
		generateLibrary(other, 25, {seed: 8});

		const files = filesBelow(first);
		expect(filesBelow(second)).toEqual(files);
		for (const file of files) {
			expect(readFileSync(path.join(second, file), 'utf8')).toBe(readFileSync(path.join(first, file), 'utf8'));
		}

		const contents = (folder: string) => filesBelow(folder).map(file => readFileSync(path.join(folder, file), 'utf8')).join('\n');
		expect(contents(other)).not.toBe(contents(first));
	});

	it('writes articles that load with every field, two subheadings and dates spread over a year', () => {
		const folder = temporaryFolder();
		generateLibrary(folder, 200, {seed: 3});
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(200);
		expect(library.sections.map(section => section.name)).toEqual([...generatedSections]);

		for (const meta of library.articles) {
			expect(meta.title.length).toBeGreaterThan(10);
			expect(meta.summary.length).toBeGreaterThan(40);
			expect(meta.author).toBeTruthy();
			expect(meta.tags.length).toBeGreaterThanOrEqual(2);
			expect(meta.date).toBeDefined();
			for (const id of meta.related) {
				expect(library.get(id), `${meta.id} names ${id}`).toBeDefined();
			}
		}

		for (const meta of library.articles.slice(0, 20)) {
			const {blocks} = library.article(meta.id);
			expect(blocks.filter(block => block.kind === 'subheading')).toHaveLength(2);
			expect(blocks.filter(block => block.kind === 'paragraph').length).toBeGreaterThanOrEqual(3);
		}

		const times = library.articles.map(meta => Date.parse(meta.date!));
		const earliest = Math.min(...times);
		const latest = Math.max(...times);
		expect(earliest).toBeGreaterThanOrEqual(generatedYearStart);
		expect(latest).toBeLessThan(generatedYearStart + (366 * 24 * 60 * 60 * 1000));
		expect(latest - earliest).toBeGreaterThan(300 * 24 * 60 * 60 * 1000);
		expect(new Set(library.articles.map(meta => meta.title)).size).toBeGreaterThan(150);
	});

	it('indexes 10,000 generated articles with no problems, quietly', () => {
		const log = vi.spyOn(console, 'log');
		const folder = temporaryFolder();
		generateLibrary(folder, 10_000);
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(10_000);
		expect(new Set(library.articles.map(meta => meta.id)).size).toBe(10_000);
		expect(library.sections).toHaveLength(generatedSections.length);
		expect(library.sections.reduce((total, section) => total + section.articles.length, 0)).toBe(10_000);
		expect(library.articles.filter(meta => /\/article-(00001|10000)$/.test(meta.id))).toHaveLength(2);
		expect(log).not.toHaveBeenCalled();
	}, 120_000);
});

describe('generateLongArticle', () => {
	it('writes a 2,000-line article that parses and lays out to about 2,000 lines at 80 columns', () => {
		const file = path.join(temporaryFolder(), 'long', 'long-read.md');
		generateLongArticle(file, 2000);
		const article = parseArticle(readFileSync(file, 'utf8'), {id: 'long/long-read', file});
		expect(article.title).toContain('2000');
		const paragraphs = article.blocks.filter(block => block.kind === 'paragraph');
		const subheadings = article.blocks.filter(block => block.kind === 'subheading');
		expect(paragraphs.length).toBeGreaterThan(250);
		expect(subheadings.length).toBeGreaterThanOrEqual(5);
		expect(subheadings.every(block => block.kind === 'subheading' && block.level === 2)).toBe(true);

		const lines = layoutArticle(article, 80).lines.length;
		expect(lines).toBeGreaterThan(1800);
		expect(lines).toBeLessThan(2200);
	});

	it('loads through the library like any article', () => {
		const folder = temporaryFolder();
		generateLongArticle(path.join(folder, 'long-reads', 'long.md'), 500);
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.article('long-reads/long').blocks.length).toBeGreaterThan(50);
	});
});
