// Opens the reader's two stores on disk: the reading state (conf) and the comment log.
import {type CommentLog, openCommentLog} from './comments.js';
import {commentsFile, type Environment, stateDir} from './paths.js';
import {createReadingState, type ReadingState} from './reading-state.js';
import {StateFile} from './state-file.js';

export type Stores = {
	reading: ReadingState;
	comments: CommentLog;
	/** Things the user must be told once at start (a damaged state file moved aside). */
	notices: string[];
};

export type OpenStoresOptions = {
	env?: Environment;
	/** Told when a later write fails or the state lock is lost. */
	onError?: (message: string) => void;
};

export function openStores({env = process.env, onError}: OpenStoresOptions = {}): Stores {
	const notices: string[] = [];
	const file = new StateFile({
		dir: stateDir(env),
		onDamaged: message => notices.push(message),
		onLockCompromised: error => onError?.(`The reading state lock was lost (${error.message}); changes are still saved.`),
	});
	return {
		reading: createReadingState({file, onError}),
		comments: openCommentLog({file: commentsFile(env)}),
		notices,
	};
}
