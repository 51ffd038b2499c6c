// Where newsread reads and writes on disk. NEWSREAD_HOME moves everything it writes under one folder.
import {existsSync} from 'node:fs';
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

/** The comment log. */
export function commentsFile(env: Environment = process.env): string {
	return path.join(dataDir(env), 'comments.jsonl');
}
