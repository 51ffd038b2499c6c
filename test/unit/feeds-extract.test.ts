import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseMarkdownBlocks} from '../../source/core/parse-markdown.js';
import {extractArticle} from '../../source/feeds/extract-article.js';
import {blockText} from '../helpers/block-text.js';

const pageUrl = 'https://gazette.example.org/harbour/2026/11/ferry-slip-vote';

function page(name: string): string {
	return readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
}

describe('extractArticle on a news page', () => {
	const article = extractArticle(page('gazette-article.html'), pageUrl);
	const markdown = article?.markdown ?? '';
	const lines = markdown.split('\n');

	it('finds the title, the byline and a full article', () => {
		expect(article?.title).toBe('Ferry slip to close after tied vote');
		expect(article?.byline).toBe('Ines Calloway');
		// The story has about 490 words: far more than a teaser, far fewer than the page with its comments.
		expect(article?.wordCount).toBeGreaterThan(420);
		expect(article?.wordCount).toBeLessThan(560);
	});

	it('keeps the subheadings as ## lines, highlighted by the pager', () => {
		expect(lines).toContain('## What happens to the island ferry');
		expect(lines).toContain('## A campaign to save the slip');
		expect(lines).toContain('### Timeline');
		const headings = parseMarkdownBlocks(markdown).filter(block => block.kind === 'subheading');
		expect(headings).toEqual([
			{kind: 'subheading', level: 2, text: 'What happens to the island ferry'},
			{kind: 'subheading', level: 2, text: 'A campaign to save the slip'},
			{kind: 'subheading', level: 3, text: 'Timeline'},
		]);
	});

	it('keeps the body, the quote and the nested list', () => {
		expect(markdown).toContain('Marrowick harbour council voted on Tuesday night to close the old ferry slip');
		expect(markdown).toContain('used her casting vote for the closure.');
		expect(markdown).toContain('The slip was built in 1931, widened in 1968 and last repaired in the spring of 2025.');
		const blocks = parseMarkdownBlocks(markdown);
		expect(blocks.filter(block => block.kind === 'quote').map(block => blockText(block))).toEqual([
			'We have crossed from that slip in every weather for ninety-five years. Nobody wanted this, but nobody could find the money either.',
		]);
		const items = blocks.flatMap(block => (block.kind === 'list-item' ? [`${block.depth} ${blockText(block)}`] : []));
		expect(items).toEqual([
			'0 fence off the lower slip from the first of April;',
			'0 pay for a shuttle bus between the town quay and Gull Point, with',
			'1 six return journeys on weekdays,',
			'1 four at weekends;',
			'0 review the arrangement after twelve months.',
		]);
	});

	it('shows the photo as its alt text linked to its absolute address, and no tracking pixel', () => {
		expect(lines).toContain('[Image: The old ferry slip at low tide, with two moored dinghies](https://gazette.example.org/harbour/2026/images/ferry-slip.jpg)');
		expect(markdown).not.toContain('pixel.example.net');
	});

	it('makes relative links absolute', () => {
		expect(markdown).toContain('[engineering survey](https://gazette.example.org/harbour/reports/slip-survey-2026.pdf)');
		expect(markdown).toContain('[minutes of the meeting](https://gazette.example.org/harbour/2026/council/minutes?meeting=112)');
		expect(markdown).toContain('[A short history of the Skerrin ferry](https://www.example.org/skerrin-ferry-history)');
	});

	it('leaves out navigation, search, adverts, forms, comments, related links, footer, scripts and styles', () => {
		for (const absent of [
			'NAV-WORLD-LINK', 'NAV-HARBOUR-LINK', 'SEARCH-PLACEHOLDER', 'SEARCH-BUTTON-TEXT', 'ADVERT-SIDEBAR-TEXT', 'ADVERT-INLINE-TEXT',
			'NEWSLETTER-FORM-TEXT', 'SIGN-UP-BUTTON', 'COMMENT-TEXT-ONE', 'COMMENT-TEXT-TWO', '34 comments', 'RELATED-LINK-ONE',
			'FOOTER-TEXT', 'HEAD-SCRIPT-TEXT', 'INLINE-SCRIPT-TEXT', 'BODY-SCRIPT-TEXT', 'STYLE-RULE-TEXT', 'NOSCRIPT',
		]) {
			expect(markdown, absent).not.toContain(absent);
		}
	});
});

describe('extractArticle on pages with no article', () => {
	it('finds none on a sign-in page', () => {
		expect(extractArticle(page('gazette-login.html'), 'https://gazette.example.org/session')).toBeUndefined();
	});

	it('finds none on a front page that is a list of links', () => {
		expect(extractArticle(page('gazette-index.html'), 'https://gazette.example.org/')).toBeUndefined();
	});

	it('finds none in an empty page or in text that is not HTML', () => {
		expect(extractArticle('', pageUrl)).toBeUndefined();
		expect(extractArticle('\u0000\u0001 not a page', pageUrl)).toBeUndefined();
	});
});

describe('extractArticle on hostile pages', () => {
	it('removes escape sequences from the title and body, raw or written as entities', () => {
		const article = extractArticle(page('gazette-escapes.html'), 'https://gazette.example.org/harbour/2026/11/keeper-retires');
		expect(article).toBeDefined();
		const {title = '', markdown = ''} = article ?? {};
		for (const text of [title, markdown]) {
			expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		}

		expect(title).toBe('Lighthouse keeper retires | Marrowick Gazette');
		expect(markdown).toContain('The last keeper of the Skerrin light, Morwenna Trevail, handed over her keys on Friday');
		expect(markdown).toContain('In those days you learned the sound of every weather');
		expect(markdown).toContain('The harbour trust thanked her');
		expect(markdown).toContain('The logbooks will be lent to the county archive');
		expect(markdown.split('\n')).toContain('## A keeper for thirty-one years');
		for (const left of ['[31m', '[0m', '[1;32m', 'HACKED TITLE', 'evil.example', 'javascript:']) {
			expect(markdown, left).not.toContain(left);
		}

		expect(markdown).toContain('[Image: Mrs Trevail at the lamp](https://gazette.example.org/images/keeper.jpg) Share this story');
	});

	it('resolves links against the page\'s <base href>', () => {
		const paragraph = '<p>The harbour council met on Tuesday night and voted to close the old ferry slip at the end of March, after a tied first ballot and a casting vote from the chair. Islanders said the change would make life hard for older residents.</p>';
		const html = `<html><head><base href="https://cdn.example.org/news/"></head><body><article>${paragraph.repeat(3)}<p>Read the <a href="minutes.html">minutes</a>.</p></article></body></html>`;
		expect(extractArticle(html, pageUrl)?.markdown).toContain('[minutes](https://cdn.example.org/news/minutes.html)');
	});

	it('cuts a page of more than 5 MB and still finds its article', () => {
		const huge = page('gazette-article.html').replace('</body>', `<script>${'x'.repeat(6 * 1024 * 1024)}</script></body>`);
		const article = extractArticle(huge, pageUrl);
		expect(article?.markdown).toContain('## What happens to the island ferry');
	});
});
