// Where newsread reads and writes on disk. NEWSREAD_HOME moves everything it writes under one folder.
import {existsSync, mkdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import envPaths from 'env-paths';

export type Environment = Record<string, string | undefined>;

/** The folder newsread writes to: `$NEWSREAD_HOME`, else `~/.local/share/newsread` (or the platform's equivalent). */
export function dataDir(env: Environment = process.env): string {
	const home = env['NEWSREAD_HOME'];
	return home ? path.resolve(home) : envPaths('newsread', {suffix: ''}).data;
}

/** The folder imported articles land in and the user's own articles are read from. */
export function userArticlesDir(env: Environment = process.env): string {
	return path.join(dataDir(env), 'articles');
}

/** The folder feed articles are stored in (store/feed-articles.ts): `feeds/` in the data folder. */
export function feedArticlesFolder(env: Environment = process.env): string {
	return path.join(dataDir(env), 'feeds');
}

/** The folder of the shipped sample articles, found from the bundle (dist/) or from the sources (source/store/). */
export function bundledArticlesDir(): string {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const candidates = [path.resolve(here, '../articles'), path.resolve(here, '../../articles')];
	return candidates.find(candidate => existsSync(path.join(candidate, 'sections.yaml'))) ?? candidates[0]!;
}

/** The folder of the reading-state file (config.json): `$NEWSREAD_HOME`, else `~/.config/newsread`. */
export function stateDir(env: Environment = process.env): string {
	const home = env['NEWSREAD_HOME'];
	return home ? path.resolve(home) : envPaths('newsread', {suffix: ''}).config;
}

/** The folder of what newsread keeps only to be quick and can rebuild (the article index, the compiled code of launcher.ts): `cache/` in `$NEWSREAD_HOME`, else `~/.cache/newsread`. */
export function cacheDir(env: Environment = process.env): string {
	const home = env['NEWSREAD_HOME'];
	return home ? path.join(path.resolve(home), 'cache') : envPaths('newsread', {suffix: ''}).cache;
}

/** The article index (source/index/): a SQLite database derived from the article files. */
export function libraryIndexFile(env: Environment = process.env): string {
	return path.join(cacheDir(env), 'library-index.sqlite');
}

/** The comment log. */
export function commentsFile(env: Environment = process.env): string {
	return path.join(dataDir(env), 'comments.jsonl');
}

/** A folder newsread needs cannot be made because a file is in its place; the message says which. */
export class NotAFolderError extends Error {
	readonly code = 'ENOTDIR';
}

/** Folders newsread makes are the user's alone, like the files in them. */
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Makes `dir` (and any missing parents) readable only by the user. A file where a folder should be
 * (NEWSREAD_HOME pointing at a file) is said in one sentence instead of "EEXIST: file already exists, mkdir".
 */
export function makePrivateFolder(dir: string): void {
	try {
		mkdirSync(dir, {recursive: true, mode: PRIVATE_FOLDER_MODE});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const blocker = code === 'EEXIST' || code === 'ENOTDIR' ? firstNonFolder(dir) : undefined;
		if (blocker === undefined) {
			throw error;
		}

		throw new NotAFolderError(`cannot keep files in ${dir}: ${blocker === dir ? 'it' : blocker} is a file, not a folder.`, {cause: error});
	}
}

/** The first path from the root down to `dir` that exists and is not a folder, or undefined. */
function firstNonFolder(dir: string): string | undefined {
	const parents: string[] = [];
	for (let current = path.resolve(dir); ; current = path.dirname(current)) {
		parents.unshift(current);
		if (path.dirname(current) === current) {
			break;
		}
	}

	return parents.find(candidate => {
		try {
			return !statSync(candidate).isDirectory();
		} catch {
			return false;
		}
	});
}
