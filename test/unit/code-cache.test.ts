import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {codeCacheFile, runKind, writeCodeCache} from '../../source/code-cache.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

describe('runKind', () => {
	it('calls a run without a command word the reader, --articles DIR included', () => {
		expect(runKind([])).toBe('reader');
		expect(runKind(['--articles', 'list'])).toBe('reader');
		expect(runKind(['--articles=list', '--articles', '/tmp/more'])).toBe('reader');
	});

	it('calls a run with a command word a command, after flags too', () => {
		expect(runKind(['list'])).toBe('command');
		expect(runKind(['--json', 'sections'])).toBe('command');
		expect(runKind(['--articles', 'news', 'read', 'world/harbour-vote'])).toBe('command');
	});

	it('calls help and the version a command: neither runs the reader', () => {
		expect(runKind(['-v'])).toBe('command');
		expect(runKind(['--articles', 'news', '--help'])).toBe('command');
		expect(runKind(['-h'])).toBe('command');
		expect(runKind(['--version'])).toBe('command');
	});
});

describe('codeCacheFile', () => {
	it('is in NEWSREAD_HOME/cache, named by the bundle, the Node and the kind of run', () => {
		expect(codeCacheFile('0123456789abcdef', ['list'], {NEWSREAD_HOME: '/home/ann/news'})).toBe(`/home/ann/news/cache/code-cache-0123456789abcdef-${process.version}-${process.arch}-command.bin`);
		expect(codeCacheFile('0123456789abcdef', [], {NEWSREAD_HOME: '/home/ann/news'})).toBe(`/home/ann/news/cache/code-cache-0123456789abcdef-${process.version}-${process.arch}-reader.bin`);
	});

	it('names a chunk\'s cache by the chunk, whatever the run', () => {
		expect(codeCacheFile('0123456789abcdef', ['refresh'], {NEWSREAD_HOME: '/home/ann/news'}, 'feeds')).toBe(`/home/ann/news/cache/code-cache-0123456789abcdef-${process.version}-${process.arch}-chunk-feeds.bin`);
	});
});

describe('writeCodeCache', () => {
	it('writes the bytes and leaves no temporary file', () => {
		const home = temporaryFolder();
		const file = codeCacheFile('0123456789abcdef', [], {NEWSREAD_HOME: home});
		writeCodeCache(file, '0123456789abcdef', () => Buffer.from('compiled'));
		expect(readFileSync(file, 'utf8')).toBe('compiled');
		expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
	});

	it('does not throw when a file is in the folder\'s place, or when making the cache fails', () => {
		const home = temporaryFolder();
		writeFileSync(path.join(home, 'cache'), 'a file');
		expect(() => {
			writeCodeCache(codeCacheFile('0123456789abcdef', [], {NEWSREAD_HOME: home}), '0123456789abcdef', () => Buffer.from('x'));
		}).not.toThrow();
		const other = temporaryFolder();
		mkdirSync(path.join(other, 'cache'));
		const file = codeCacheFile('0123456789abcdef', [], {NEWSREAD_HOME: other});
		expect(() => {
			writeCodeCache(file, '0123456789abcdef', () => {
				throw new Error('no cache');
			});
		}).not.toThrow();
		expect(readdirSync(path.join(other, 'cache'))).toEqual([]);
	});
});
