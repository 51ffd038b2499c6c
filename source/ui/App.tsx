// The reader: holds the navigation state and shows the screen on top of the stack.
import {Box, Text, useApp, useFocusManager, useInput} from 'ink';
import {useCallback, useEffect, useMemo, useReducer, useState, useSyncExternalStore} from 'react';
import type {Library} from '../core/library.js';
import {type CommentLog, createMemoryCommentLog} from '../store/comments.js';
import type {ReadingState} from '../store/reading-state.js';
import {AppContext, type AppServices} from './app-context.js';
import type {FeedListing} from './feed-activity.js';
import {createFeedRefresher, type FeedRunner, noFeedRunner} from './feed-refresher.js';
import {FRAME_LINES} from './components/Frame.js';
import {createKeyRouter, type KeyRouter, KeyRouterContext} from './key-router.js';
import {useIdleWarmUp} from './hooks/use-idle-warm-up.js';
import {useRoutedInput} from './hooks/use-keymap.js';
import {buildRelatedInSlices} from './hooks/use-pager-model.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {currentScreen, initialNavigation, navigate, type NavigationState} from './navigation.js';
import {createPromptHistory} from './prompt-history.js';
import {ScreenView} from './ScreenView.js';
import {glyphs, theme} from './theme.js';

/** Said when text is pasted on a screen without a text field. */
export const PASTE_IGNORED = 'Pasted text was left out: paste into a comment, a search or a find.';

/** Below this size the reader shows a "make the terminal larger" message instead of a broken layout. */
export const MIN_COLUMNS = 40;
/** See MIN_COLUMNS. */
export const MIN_ROWS = 10;

export type AppProps = {
	/** The loaded article library. */
	library: Library;
	/** Read marks, positions and saved articles. */
	reading: ReadingState;
	/** Opens a URL in the browser. */
	openUrl: (url: string) => Promise<void>;
	/** The comment log. @default a log in memory */
	comments?: CommentLog;
	/** Lets the user edit text in $VISUAL/$EDITOR; resolves to the new text. @default no editor */
	editText?: (text: string) => Promise<string>;
	/** The clock, for relative dates. @default () => new Date() */
	now?: () => Date;
	/** A message to show once at start (problems with article files). @default none */
	startMessage?: string;
	/** Where to start. @default the sections screen */
	initialState?: NavigationState;
	/** Hands keys to the screens (tests pass one that waits for their frames). @default createKeyRouter() */
	keyRouter?: KeyRouter;
	/** Feeds: how to refresh them and read the subscriptions, and how to load the library again. @default no feeds */
	feeds?: ReaderFeeds;
	/**
	 * Checks the article files against the library shown, off the keystroke path; resolves to the
	 * library again when something changed. Run after the first frame, whenever the reader goes back
	 * to a list, and after feed articles arrived. @default none (the library given is kept)
	 */
	checkLibrary?: () => Promise<Library | undefined>;
};

/** Screens that list articles: going back to one checks the files (an article edited while the reader is open). */
const listScreens = new Set(['sections', 'headlines']);

/** What the reader needs to refresh feeds and show their new articles. */
export type ReaderFeeds = {
	/** Runs refreshes and subscriptions (another process in the reader). */
	runner: FeedRunner;
	/** The subscriptions with their last problems; throws a sentence when feeds.json is broken. */
	readFeeds: () => FeedListing[];
	/** Loads the library again from its folders (new feed articles). */
	reloadLibrary: () => Library;
	/** Refresh on start and every N minutes (0: never). @default neither */
	automatic?: {onStart: boolean; everyMinutes: number};
};

const noFeeds: ReaderFeeds = {runner: noFeedRunner, readFeeds: () => [], reloadLibrary: () => {
	throw new Error('no library to reload');
}};

export function App({library: givenLibrary, reading, openUrl, comments: commentLog, editText = noEditor, now = () => new Date(), startMessage, initialState = initialNavigation, keyRouter: givenRouter, feeds = noFeeds, checkLibrary}: AppProps) {
	const [comments] = useState(() => commentLog ?? createMemoryCommentLog());
	// The library as loaded again after feed articles arrived; until then the one given.
	const [reloaded, setReloaded] = useState<Library>();
	const library = reloaded ?? givenLibrary;
	const {exit} = useApp();
	const {disableFocus} = useFocusManager();
	const [state, dispatch] = useReducer(navigate, initialState);
	const [message, setMessage] = useState<string | undefined>(startMessage);
	// Saving that keeps failing stays in the status line until a write succeeds; other messages go at the next key.
	const saveProblem = useSyncExternalStore(reading.subscribe, reading.saveProblem);
	const size = useTerminalSize();
	const screen = currentScreen(state);
	const [keyRouter] = useState(() => givenRouter ?? createKeyRouter());
	const [history] = useState(createPromptHistory);
	useInput(keyRouter.dispatch);

	// What related() looks up, built while the reader waits for keys, a slice at a time, so that
	// opening an article never waits for it (at 50,000 articles it takes about a second).
	useEffect(() => buildRelatedInSlices(library), [library]);
	useIdleWarmUp();
	useEffect(() => {
		// Tab belongs to the pager (next related article), not to Ink's focus cycling.
		disableFocus();
	}, [disableFocus]);
	useEffect(() => {
		if (state.quit) {
			keyRouter.clear();
			// Starts the last write now; run-reader awaits it after Ink has exited (a write never rejects).
			void reading.flush();
			exit();
		}
	}, [state.quit, reading, exit, keyRouter]);
	const clearMessage = useCallback(() => {
		setMessage(undefined);
	}, []);
	const [checker] = useState(() => {
		let active = true;
		return {
			check() {
				void checkLibrary?.().then(checked => {
					if (checked && active) {
						setReloaded(checked);
					}
				}, () => {
					// A check that fails leaves the library shown; the next one tries again.
				});
			},
			stop() {
				active = false;
			},
		};
	});
	useEffect(() => () => {
		checker.stop();
	}, [checker]);
	// After the first frame, and whenever a list comes back on top (an article edited meanwhile shows).
	const listOnTop = listScreens.has(screen.name) ? `${state.stack.length}:${screen.name}` : undefined;
	useEffect(() => {
		if (listOnTop !== undefined) {
			checker.check();
		}
	}, [listOnTop, checker]);
	const [refresher] = useState(() => createFeedRefresher({
		runner: feeds.runner,
		readFeeds: feeds.readFeeds,
		onArticlesChanged() {
			if (checkLibrary) {
				checker.check();
			} else {
				setReloaded(feeds.reloadLibrary());
			}
		},
		notify: setMessage,
	}));
	const feedProgress = useSyncExternalStore(refresher.subscribe, refresher.progress);
	useEffect(() => {
		if (feeds.automatic) {
			refresher.refreshAutomatically(feeds.automatic);
		}

		return () => {
			refresher.dispose();
		};
	}, [refresher, feeds.automatic]);
	useEffect(() => {
		const unlisten = keyRouter.listen({
			// Ctrl+C among other keys (Ink ends the reader itself on one that comes alone).
			interrupt: () => dispatch({type: 'quit'}),
			pasteIgnored: () => setMessage(PASTE_IGNORED),
		});
		return () => {
			unlisten();
			// Keys still waiting when the reader quits are dropped: they must not keep it running.
			keyRouter.clear();
		};
	}, [keyRouter]);

	const body = useMemo(() => ({columns: size.columns, rows: Math.max(1, size.frameRows - FRAME_LINES)}), [size]);
	const services = useMemo<AppServices>(
		() => ({library, reading, comments, dispatch, body, now, notify: setMessage, clearMessage, message: message ?? saveProblem, progress: feedProgress, feeds: refresher, openUrl, editText, history}),
		[library, reading, comments, body, now, message, saveProblem, feedProgress, refresher, clearMessage, openUrl, editText, history],
	);

	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return (
			<KeyRouterContext.Provider value={keyRouter}>
				<TooSmall columns={size.columns} rows={size.rows} frameRows={size.frameRows} onQuit={() => dispatch({type: 'quit'})} />
			</KeyRouterContext.Provider>
		);
	}

	return (
		<AppContext.Provider value={services}>
			<KeyRouterContext.Provider value={keyRouter}>
				<Box width={size.columns} height={size.frameRows} flexDirection="column">
					<ScreenView screen={screen} below={state.stack.at(-2)} library={library} />
				</Box>
			</KeyRouterContext.Provider>
		</AppContext.Provider>
	);
}

async function noEditor(): Promise<string> {
	throw new Error('no editor in this session');
}

function TooSmall({columns, rows, frameRows, onQuit}: {columns: number; rows: number; frameRows: number; onQuit: () => void}) {
	// No screen is drawn, so none takes keys: q quits here as on the first screen (Ctrl+C always does).
	useRoutedInput(input => {
		if (input === 'q' || input === 'Q') {
			onQuit();
		}
	}, true);
	return (
		<Box flexDirection="column" width={columns} height={Math.max(1, frameRows)}>
			<Text {...theme.warning} wrap="wrap">
				Make the terminal larger: newsread needs at least {MIN_COLUMNS}{glyphs.times}{MIN_ROWS} (now {columns}{glyphs.times}{rows}). Press q to quit.
			</Text>
		</Box>
	);
}
