// `newsread import <file...> [--section S]`: turns saved page captures into articles in the user's folder.
// `-` reads a capture from standard input. Only regular files are opened by name: a FIFO may have no
// writer and a device never ends; such input comes through `-`, read to at most the article size limit.
// A page already in the library (the same title and text) is not imported again: its id is printed.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {decodeArticleBytes, MAX_ARTICLE_BYTES, problemReason, readArticleText, tooLargeError} from '../core/library.js';
import {splitFrontmatter} from '../core/parse-markdown.js';
import {pageCaptureToMarkdown, parsePageCapture, slugify} from '../core/parse-page.js';
import {sanitizeLine, visibleControls} from '../core/sanitize.js';
import {type CommandContext, exitCode} from '../context.js';
import {makePrivateFolder} from '../store/paths.js';
import type {Command} from './context.js';

/** `newsread import <file...> [--section S]`: prints each new id; exit 1 if any file could not be imported. */
export const importCommand: Command = async context => {
	const {args, stderr, stdout} = context;
	if (args.length === 0 || args.filter(file => file === '-').length > 1) {
		stderr.write('newsread: usage: newsread import <file...> [--section NAME]\n');
		return exitCode.usage;
	}

	let failed = 0;
	const importedNow: ImportedPage[] = [];
	for (const file of args) {
		const name = file === '-' ? 'standard input' : visibleControls(file);
		try {
			const text = file === '-' ? await readStandardInput(context) : readArticleText(file);
			const {id, existed} = importPage(context, text, file === '-' ? undefined : file, importedNow);
			if (existed) {
				stderr.write(`newsread: ${name} is already there, as ${id} (the same title and text)\n`);
			}

			stdout.write(`${id}\n`);
		} catch (error) {
			failed++;
			const reason = (error as NodeJS.ErrnoException).code === undefined ? (error as Error).message : problemReason(error);
			stderr.write(`newsread: ${name}: ${visibleControls(reason)}${pipeHint(error)}\n`);
		}
	}

	return failed === 0 ? exitCode.ok : exitCode.failure;
};

/** For a FIFO or a device given by name: how to import from it instead. */
function pipeHint(error: unknown): string {
	return /^a (?:FIFO|device|socket)/.test((error as Error).message) ? ' (pipe it into "newsread import -" instead)' : '';
}

/** A page imported by this run (the library was loaded before it). */
type ImportedPage = {id: string; title: string; body: string};

/** Imports one capture and returns the new article's id, or the id of the same page already there. */
function importPage(context: CommandContext, text: string, file: string | undefined, importedNow: ImportedPage[]): {id: string; existed: boolean} {
	const capture = parsePageCapture(text);
	const section = context.flags.section === undefined ? undefined : sanitizeLine(context.flags.section);
	const markdown = pageCaptureToMarkdown(capture, {section, date: context.now(), sourceFile: file === undefined ? undefined : path.resolve(file)});
	const body = splitFrontmatter(markdown).body.trim();
	const existing = samePage(context, capture.title, body, importedNow);
	if (existing !== undefined) {
		return {id: existing, existed: true};
	}

	const folder = slugify(section ?? capture.menu[0] ?? 'Imported');
	const id = writeNewArticle(context, `${folder}/${slugify(capture.title)}`, markdown);
	importedNow.push({id, title: capture.title, body});
	return {id, existed: false};
}

/** The id of an article with this title and body, in the library or imported by this run. */
function samePage(context: CommandContext, title: string, body: string, importedNow: readonly ImportedPage[]): string | undefined {
	const now = importedNow.find(page => page.title === title && page.body === body);
	if (now) {
		return now.id;
	}

	const library = context.library();
	return library.articles.find(article => article.title === title && library.body(article.id)?.trim() === body)?.id;
}

/** Standard input to its end as article text; stops reading past the article size limit. */
async function readStandardInput(context: CommandContext): Promise<string> {
	if (context.stdinIsTTY) {
		throw new Error('standard input is a terminal: pipe a page into "newsread import -"');
	}

	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of context.stdin) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		chunks.push(bytes);
		total += bytes.length;
		if (total > MAX_ARTICLE_BYTES) {
			// Leaving the loop stops the stream: /dev/zero is not read any further.
			throw tooLargeError(MAX_ARTICLE_BYTES);
		}
	}

	return decodeArticleBytes(Buffer.concat(chunks, total));
}

/** Writes under a fresh id: never over an existing file or an id the library already has. */
function writeNewArticle(context: CommandContext, baseId: string, markdown: string): string {
	const library = context.library();
	for (let attempt = 1; ; attempt++) {
		const id = attempt === 1 ? baseId : `${baseId}-${attempt}`;
		if (library.get(id)) {
			continue;
		}

		const file = path.join(context.userArticlesDir, `${id}.md`);
		makePrivateFolder(path.dirname(file));
		try {
			writeFileSync(file, markdown, {flag: 'wx'});
			return id;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
	}
}
