// `newsread comments [--article ID] [--json | --markdown] [--with-email]` exports comments;
// `newsread comments add <id> --name N --email E [--text T]` writes one (the body from stdin without --text:
// piped, or typed at the terminal until Ctrl+D, as `mail` reads it).
import {formatDate} from '../core/dates.js';
import {visibleControls} from '../core/sanitize.js';
import {type Comment, cleanCommentInput, CommentSaveError, CommentValidationError, validateComment} from '../store/comments.js';
import {findArticle} from './article-id.js';
import {type CommandContext, exitCode} from '../context.js';
import {type Command, writeLines} from './context.js';

/** `newsread comments [add <id>]`: exports the comments, or writes one from --text or standard input. */
export const commentsCommand: Command = context => {
	const [subcommand, ...rest] = context.args;
	if (subcommand === 'add') {
		return addComment(context, rest);
	}

	if (subcommand !== undefined) {
		context.stderr.write(`newsread: unknown comments command "${visibleControls(subcommand)}". Use "newsread comments" or "newsread comments add <id>".\n`);
		return exitCode.usage;
	}

	return exportComments(context);
};

function exportComments(context: CommandContext): number {
	const {flags, stdout, stderr} = context;
	if (flags.json && flags.markdown) {
		stderr.write('newsread: choose one of --json and --markdown\n');
		return exitCode.usage;
	}

	const found = flags.article === undefined ? undefined : findArticle(context.library(), flags.article);
	if (found?.message !== undefined) {
		stderr.write(found.message);
		return exitCode.failure;
	}

	const log = context.comments();
	const problem = log.problem();
	if (problem !== undefined) {
		stderr.write(`newsread: the comments cannot be read: ${problem}\n`);
		return exitCode.failure;
	}

	const comments = log.list(found?.article.id).map(comment => (flags.withEmail ? comment : withoutEmail(comment)));
	if (flags.json) {
		stdout.write(`${JSON.stringify(comments, null, 2)}\n`);
	} else if (flags.markdown) {
		writeLines(stdout, markdownExport(context, comments));
	} else {
		writeLines(stdout, comments.map(comment => `${comment.createdAt.slice(0, 16).replace('T', ' ')}  ${comment.articleId}  ${comment.name}: ${oneLine(comment.body)}`));
	}

	return exitCode.ok;
}

function withoutEmail(comment: Comment): Omit<Comment, 'email'> {
	const {email: _email, ...rest} = comment;
	return rest;
}

function markdownExport(context: CommandContext, comments: ReadonlyArray<Omit<Comment, 'email'> & {email?: string}>): string[] {
	const lines: string[] = [];
	let article: string | undefined;
	for (const comment of comments) {
		if (comment.articleId !== article) {
			article = comment.articleId;
			const title = context.library().get(article)?.title ?? article;
			lines.push(`${lines.length > 0 ? '\n' : ''}## ${title}`, '', `Article: \`${article}\``, '');
		}

		const who = comment.email ? `${comment.name} <${comment.email}>` : comment.name;
		lines.push(`**${who}**, ${formatDate(comment.createdAt)}${comment.editedAt ? ' (edited)' : ''}`, '', comment.body.split('\n').map(line => `> ${line}`).join('\n'), '');
	}

	return lines;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ');
}

async function addComment(context: CommandContext, args: string[]): Promise<number> {
	const {flags, stderr, stdout} = context;
	const [id, ...extra] = args;
	if (id === undefined || extra.length > 0) {
		stderr.write('newsread: usage: newsread comments add <id> --name NAME --email EMAIL [--text TEXT] (the text from standard input without --text)\n');
		return exitCode.usage;
	}

	const found = findArticle(context.library(), id);
	if (found.message !== undefined) {
		stderr.write(found.message);
		return exitCode.failure;
	}

	let body = flags.text;
	if (body === undefined) {
		if (context.stdinIsTTY) {
			// Name and email are checked before the person types a whole comment only to have it refused.
			const errors = validateComment(cleanCommentInput({name: flags.name ?? '', email: flags.email ?? '', body: 'text'}));
			if (Object.keys(errors).length > 0) {
				writeErrors(context, errors);
				return exitCode.usage;
			}

			stderr.write('Type your comment; end with Ctrl+D on a new line.\n');
		}

		try {
			body = await readStandardInput(context);
		} catch (error) {
			stderr.write(`newsread: could not read the comment from standard input: ${(error as Error).message}\n`);
			return exitCode.failure;
		}
	}

	try {
		const comment = context.comments().add(found.article.id, {name: flags.name ?? '', email: flags.email ?? '', body});
		stdout.write(`${comment.id}\n`);
		return exitCode.ok;
	} catch (error) {
		if (error instanceof CommentValidationError) {
			writeErrors(context, error.errors);
			return exitCode.usage;
		}

		if (error instanceof CommentSaveError) {
			stderr.write(`newsread: the comment was not saved: ${error.message}\n`);
			return exitCode.failure;
		}

		throw error;
	}
}

function writeErrors({stderr}: CommandContext, errors: CommentValidationError['errors']): void {
	for (const [field, message] of Object.entries(errors)) {
		stderr.write(`newsread: ${field}: ${message}\n`);
	}
}

/** Standard input read to its end (however slowly it is written; at a terminal, until Ctrl+D). */
async function readStandardInput(context: CommandContext): Promise<string> {
	const decoder = new TextDecoder('utf-8');
	let text = '';
	for await (const chunk of context.stdin) {
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true});
	}

	return text + decoder.decode();
}
