import {describe, expect, it} from 'vitest';
import {parseMarkdownBlocks} from '../../source/core/parse-markdown.js';
import {htmlToMarkdown} from '../../source/feeds/html-to-markdown.js';
import {countWords, isTeaser} from '../../source/feeds/teaser.js';
import {blockText} from '../helpers/block-text.js';

const base = 'https://gazette.example.org/harbour/2026/11/slip-vote';

function lines(markdown: string): string[] {
	return markdown.split('\n');
}

describe('htmlToMarkdown', () => {
	it('makes the highest heading a ## subheading and the next levels ### and ####', () => {
		const markdown = htmlToMarkdown('<h1>Ferry slip</h1><p>One.</p><h2>The vote</h2><p>Two.</p><h4>Who voted</h4><p>Three.</p><h6>Footnote</h6>');
		expect(lines(markdown)).toEqual(expect.arrayContaining(['## Ferry slip', '### The vote', '#### Who voted', '#### Footnote']));
		const headings = parseMarkdownBlocks(markdown).filter(block => block.kind === 'subheading');
		expect(headings).toEqual([
			{kind: 'subheading', level: 2, text: 'Ferry slip'},
			{kind: 'subheading', level: 3, text: 'The vote'},
			{kind: 'subheading', level: 4, text: 'Who voted'},
			{kind: 'subheading', level: 4, text: 'Footnote'},
		]);
	});

	it('gives an article whose headings start at h2 the same ## subheadings', () => {
		expect(lines(htmlToMarkdown('<p>Intro.</p><h2>The vote</h2><p>Body.</p><h3>Timeline</h3>'))).toEqual(['Intro.', '', '## The vote', '', 'Body.', '', '### Timeline']);
	});

	it('writes a heading broken by <br> on one line', () => {
		expect(htmlToMarkdown('<h2>Two<br>lines</h2>')).toBe('## Two lines');
	});

	it('keeps paragraphs, bold and italic text, and quotes', () => {
		const markdown = htmlToMarkdown('<p>The <strong>council</strong> voted <em>again</em>.</p><blockquote><p>Nobody wanted this.</p></blockquote>');
		expect(markdown).toBe('The **council** voted _again_.\n\n> Nobody wanted this.');
		expect(parseMarkdownBlocks(markdown).map(block => block.kind)).toEqual(['paragraph', 'quote']);
	});

	it('keeps nested lists nested, under bullets and numbers', () => {
		const markdown = htmlToMarkdown('<ul><li>fence the slip<ul><li>on weekdays</li></ul></li><li>run a bus</li></ul><ol><li>first</li><li>second<ol><li>inner</li></ol></li></ol>');
		const items = parseMarkdownBlocks(markdown).map(block => (block.kind === 'list-item' ? `${block.depth}${block.ordered ? '#' : '-'} ${blockText(block)}` : block.kind));
		expect(items).toEqual(['0- fence the slip', '1- on weekdays', '0- run a bus', '0# first', '0# second', '1# inner']);
	});

	it('makes relative links absolute against the base address', () => {
		const markdown = htmlToMarkdown('<p>See the <a href="../reports/survey.pdf">survey</a>, the <a href="/council/minutes?meeting=112">minutes</a> and <a href="https://other.example.net/x(1)">this</a>.</p>', base);
		expect(markdown).toBe('See the [survey](https://gazette.example.org/harbour/2026/reports/survey.pdf), the [minutes](https://gazette.example.org/council/minutes?meeting=112) and [this](https://other.example.net/x%281%29).');
	});

	it('keeps only the text of javascript:, data: and (with no base) relative links', () => {
		const markdown = htmlToMarkdown('<p><a href="javascript:alert(1)">Share</a> <a href="data:text/html,<b>x</b>">Open</a> <a href="/relative">Here</a> <a href="mailto:desk@example.org">Write</a></p>');
		expect(markdown).toBe('Share Open Here [Write](mailto:desk@example.org)');
	});

	it('shows an image as its alt text linked to it, and leaves out tracking pixels', () => {
		const markdown = htmlToMarkdown([
			'<figure><img src="/images/slip.jpg" alt="The slip at low tide"><figcaption>Built in 1931.</figcaption></figure>',
			'<p>Before <img src="https://pixel.example.net/p.gif" width="1" height="1" alt=""> after <img src="spacer.gif" height="0"></p>',
			'<p><img src="data:image/png;base64,AAAA"><img src="data:image/png;base64,AAAA" alt="A chart"><img src="/map.png"></p>',
			'<p><a href="/gallery"><img src="/thumb.jpg" alt="Gallery"></a></p>',
		].join(''), base);
		expect(lines(markdown)).toEqual([
			'[Image: The slip at low tide](https://gazette.example.org/images/slip.jpg)',
			'',
			'Built in 1931.',
			'',
			'Before after',
			'',
			'Image: A chart [Image](https://gazette.example.org/map.png)',
			'',
			'[Image: Gallery](https://gazette.example.org/gallery)',
		]);
		expect(markdown).not.toContain('pixel.example.net');
		expect(markdown).not.toContain('spacer.gif');
	});

	it('lets nothing of scripts, styles, forms, frames and embedded objects through', () => {
		const markdown = htmlToMarkdown([
			'<p>Story text.</p>',
			'<script>SCRIPT-TEXT</script><style>STYLE-TEXT</style><noscript>NOSCRIPT-TEXT</noscript>',
			'<form>FORM-TEXT<input value="INPUT-TEXT"><button>BUTTON-TEXT</button><textarea>TEXTAREA-TEXT</textarea></form>',
			'<button>LOOSE-BUTTON</button><iframe>IFRAME-TEXT</iframe><svg><text>SVG-TEXT</text></svg>',
			'<template><p>TEMPLATE-TEXT</p></template><object>OBJECT-TEXT</object><embed src="x.swf">',
			'<p hidden>HIDDEN-TEXT</p><div style="display: none">UNSEEN-TEXT</div><!-- COMMENT-TEXT -->',
		].join(''));
		expect(markdown).toBe('Story text.');
	});

	it('writes preformatted text as a fenced code block, lines kept', () => {
		const markdown = htmlToMarkdown('<pre><span>ferry --from quay</span>\n  --to skerrin</pre>');
		expect(markdown).toBe('```\nferry --from quay\n  --to skerrin\n```');
		expect(parseMarkdownBlocks(markdown).map(block => blockText(block))).toEqual(['ferry --from quay', '  --to skerrin']);
	});

	it('writes a table as a Markdown table, one row a line', () => {
		const markdown = htmlToMarkdown('<table><tr><th>Crossing</th><th>Time</th></tr><tr><td>Town quay</td><td>08:10</td></tr></table>');
		expect(parseMarkdownBlocks(markdown).map(block => blockText(block))).toEqual(['Crossing | Time', 'Town quay | 08:10']);
	});

	it('keeps text that looks like markup or Markdown as text', () => {
		const markdown = htmlToMarkdown('<p>Use the &lt;div&gt; element &amp; &amp;copy;</p><p>1. not a list</p><p># not a heading</p><p>Since 1858. Then</p>');
		expect(parseMarkdownBlocks(markdown).map(block => `${block.kind}: ${blockText(block)}`)).toEqual([
			'paragraph: Use the <div> element & &copy;',
			'paragraph: 1. not a list',
			'paragraph: # not a heading',
			'paragraph: Since 1858. Then',
		]);
	});

	it('removes escape sequences and control characters, raw or written as entities', () => {
		const markdown = htmlToMarkdown('<h2>Keeper\u001B[5m retires</h2><p>The \u001B[31mlast keeper\u001B[0m &#27;]0;HACKED&#7;left &#x1b;[1mon Friday\u009B0m.\u202E</p>');
		expect(markdown).toBe('## Keeper retires\n\nThe last keeper left on Friday.');
	});

	it('reads whole pages, with or without their <html> tag, and leaves their title out', () => {
		expect(htmlToMarkdown('<head><title>Gazette</title></head><body><p>Story text.</p></body>')).toBe('Story text.');
		expect(htmlToMarkdown('<!doctype html><title>Gazette</title><p>Story text.</p>')).toBe('Story text.');
		expect(htmlToMarkdown('\uFEFF<?xml version="1.0"?><html><head><title>Gazette</title></head><body><p>Story text.</p></body></html>')).toBe('Story text.');
		expect(parseMarkdownBlocks(htmlToMarkdown('Plain text & more')).map(block => blockText(block))).toEqual(['Plain text & more']);
	});

	it('converts elements nested thousands deep without failing', () => {
		const markdown = htmlToMarkdown(`${'<div>'.repeat(20_000)}Deep text${'</div>'.repeat(20_000)}`);
		expect(markdown).toContain('Deep text');
	});

	it('converts a long article in pieces without losing or reordering a paragraph', () => {
		const paragraphs = Array.from({length: 3000}, (_, index) => `<p>Paragraph number ${index + 1} of the long report.</p>`);
		const markdown = htmlToMarkdown(`<div><div>${paragraphs.join('')}</div></div>`);
		const blocks = markdown.split('\n\n');
		expect(blocks).toHaveLength(3000);
		expect(blocks[0]).toBe('Paragraph number 1 of the long report.');
		expect(blocks[1499]).toBe('Paragraph number 1500 of the long report.');
		expect(blocks[2999]).toBe('Paragraph number 3000 of the long report.');
	});
});

describe('isTeaser', () => {
	const words = (count: number) => Array.from({length: count}, () => 'harbour').join(' ');

	it('counts words in the text, not the markup', () => {
		expect(countWords('The ferry’s last crossing — e-mail the desk.')).toBe(7);
		expect(countWords('港口委员会')).toBe(5);
		// 140 words, each in a long tag with attributes: a teaser however long the HTML is.
		const html = Array.from({length: 140}, () => '<span class="word highlighted" data-tracking="a b c d e f">harbour</span>').join(' ');
		expect(isTeaser(html, undefined)).toBe(true);
		expect(isTeaser(`<p>${words(100)}</p><script>${words(500)}</script><!-- ${words(500)} -->`, undefined)).toBe(true);
	});

	it('is a teaser under 150 words, and not from 150 words on', () => {
		expect(isTeaser(`<p>${words(149)}</p>`, 'A summary.')).toBe(true);
		expect(isTeaser(`<p>${words(150)}</p>`, 'A summary.')).toBe(false);
	});

	it('is a teaser when there is only a summary, or the content is the summary again', () => {
		expect(isTeaser(undefined, words(400))).toBe(true);
		expect(isTeaser('', words(400))).toBe(true);
		expect(isTeaser(`<p>${words(400)}</p>`, words(400))).toBe(true);
	});
});
