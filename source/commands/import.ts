// `newsread import <file...> [--section S]`: turns saved page captures into articles in the user's folder.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {readArticleText} from '../core/library.js';
import {pageCaptureToMarkdown, parsePageCapture, slugify} from '../core/parse-page.js';
import {sanitizeLine} from '../core/sanitize.js';
import {type CommandContext, exitCode} from '../context.js';
import {makePrivateFolder} from '../store/paths.js';
import type {Command} from './context.js';

/** `newsread import <file...> [--section S]`: prints each new id; exit 1 if any file could not be imported. */
export const importCommand: Command = context => {
	const {args, stderr, stdout} = context;
	if (args.length === 0) {
		stderr.write('newsread: usage: newsread import <file...> [--section NAME]\n');
		return exitCode.usage;
	}

	let failed = 0;
	for (const file of args) {
		try {
			stdout.write(`${importPage(context, file)}\n`);
		} catch (error) {
			failed++;
			stderr.write(`newsread: ${file}: ${(error as Error).message}\n`);
		}
	}

	return failed === 0 ? exitCode.ok : exitCode.failure;
};

/** Imports one capture and returns the new article's id. */
function importPage(context: CommandContext, file: string): string {
	const capture = parsePageCapture(readArticleText(file));
	const section = context.flags.section === undefined ? undefined : sanitizeLine(context.flags.section);
	const markdown = pageCaptureToMarkdown(capture, {section, date: context.now(), sourceFile: path.resolve(file)});
	const folder = slugify(section ?? capture.menu[0] ?? 'Imported');
	return writeNewArticle(context, `${folder}/${slugify(capture.title)}`, markdown);
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
