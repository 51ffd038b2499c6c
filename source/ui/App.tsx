// The reader: holds the navigation state and shows the screen on top of the stack.
import {Box, Text, useApp as useInkApp, useFocusManager, useInput} from 'ink';
import {type ReactNode, useCallback, useEffect, useMemo, useReducer, useState, useSyncExternalStore} from 'react';
import type {Article} from '../core/article.js';
import type {Library} from '../core/library.js';
import {type CommentLog, createMemoryCommentLog} from '../store/comments.js';
import type {ReadingState} from '../store/reading-state.js';
import {AppContext, type AppServices, useApp as useContextServices} from './app-context.js';
import {FRAME_LINES} from './components/Frame.js';
import {createKeyRouter, KeyRouterContext} from './key-router.js';
import {TextPrompt} from './components/TextPrompt.js';
import {useRoutedInput} from './hooks/use-keymap.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {currentScreen, initialNavigation, navigate, type NavigationState, type Screen} from './navigation.js';
import {ArticleScreen} from './screens/ArticleScreen.js';
import {CommentsScreen} from './screens/CommentsScreen.js';
import {HeadlinesScreen} from './screens/HeadlinesScreen.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {OutlineScreen} from './screens/OutlineScreen.js';
import {SearchScreen} from './screens/SearchScreen.js';
import {SectionsScreen} from './screens/SectionsScreen.js';
import {theme} from './theme.js';

/** Below this size the reader shows a "make the terminal larger" message instead of a broken layout. */
export const MIN_COLUMNS = 40;
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
	/** A message to show once at start (problems with article files). */
	startMessage?: string;
	/** Where to start. @default the sections screen */
	initialState?: NavigationState;
};

export function App({library, reading, openUrl, comments: commentLog, editText = noEditor, now = () => new Date(), startMessage, initialState = initialNavigation}: AppProps) {
	const [comments] = useState(() => commentLog ?? createMemoryCommentLog());
	const {exit} = useInkApp();
	const {disableFocus} = useFocusManager();
	const [state, dispatch] = useReducer(navigate, initialState);
	const [message, setMessage] = useState<string | undefined>(startMessage);
	// Saving that keeps failing stays in the status line until a write succeeds; other messages go at the next key.
	const saveProblem = useSyncExternalStore(reading.subscribe, reading.saveProblem);
	const size = useTerminalSize();
	const screen = currentScreen(state);

	useEffect(() => {
		// Tab belongs to the pager (next related article), not to Ink's focus cycling.
		disableFocus();
	}, [disableFocus]);
	useEffect(() => {
		if (state.quit) {
			reading.flush();
			exit();
		}
	}, [state.quit, reading, exit]);
	const clearMessage = useCallback(() => {
		setMessage(undefined);
	}, []);
	const [keyRouter] = useState(createKeyRouter);
	useInput(keyRouter.dispatch);

	const body = useMemo(() => ({columns: size.columns, rows: Math.max(1, size.rows - 1 - FRAME_LINES)}), [size]);
	const services = useMemo<AppServices>(
		() => ({library, reading, comments, dispatch, body, now, notify: setMessage, clearMessage, message: message ?? saveProblem, openUrl, editText}),
		[library, reading, comments, body, now, message, saveProblem, clearMessage, openUrl, editText],
	);

	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return <TooSmall columns={size.columns} rows={size.rows} />;
	}

	return (
		<AppContext.Provider value={services}>
			<KeyRouterContext.Provider value={keyRouter}>
				<Box width={size.columns} height={size.rows - 1} flexDirection="column">
					<ScreenView screen={screen} below={state.stack.at(-2)} library={library} />
				</Box>
			</KeyRouterContext.Provider>
		</AppContext.Provider>
	);
}

async function noEditor(): Promise<string> {
	throw new Error('no editor in this session');
}

function TooSmall({columns, rows}: {columns: number; rows: number}) {
	return (
		<Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
			<Text {...theme.warning} wrap="wrap">
				Make the terminal larger: newsread needs at least {MIN_COLUMNS}×{MIN_ROWS} (now {columns}×{rows}).
			</Text>
		</Box>
	);
}

type ScreenViewProps = {
	screen: Screen;
	/** The screen under a prompt: the find prompt draws over the article it searches. */
	below: Screen | undefined;
	library: Library;
};

function ScreenView({screen, below, library}: ScreenViewProps) {
	switch (screen.name) {
		case 'sections': {
			return <SectionsScreen cursor={screen.cursor} openedKey={screen.openedKey} isActive />;
		}

		case 'headlines': {
			return <HeadlinesScreen source={screen.source} cursor={screen.cursor} isActive />;
		}

		case 'article': {
			return <ArticleView screen={screen} library={library} isActive />;
		}

		case 'outline': {
			return <WithArticle library={library} id={screen.id}>{article => <OutlineScreen article={article} cursor={screen.cursor} isActive />}</WithArticle>;
		}

		case 'help': {
			return <HelpScreen of={screen.of} scroll={screen.scroll} isActive />;
		}

		case 'search': {
			return <SearchScreen query={screen.query} isActive />;
		}

		case 'comments': {
			return <WithArticle library={library} id={screen.id}>{article => <CommentsScreen article={article} cursor={screen.cursor} isActive />}</WithArticle>;
		}

		case 'find': {
			return below?.name === 'article' ? <FindOverArticle find={screen} article={below} library={library} /> : null;
		}
	}
}

function FindOverArticle({find, article: screen, library}: {find: Extract<Screen, {name: 'find'}>; article: Extract<Screen, {name: 'article'}>; library: Library}) {
	const {dispatch} = useContextServices();
	const onChange = useCallback((query: string) => dispatch({type: 'set-query', query}), [dispatch]);
	const onCancel = useCallback(() => dispatch({type: 'back'}), [dispatch]);
	const onSubmit = useCallback(
		(query: string) => {
			dispatch({type: 'back'});
			dispatch({type: 'set-find', query: query.trim() === '' ? undefined : query});
		},
		[dispatch],
	);
	const prompt = <TextPrompt label="/" value={find.query} onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} isActive help="Enter find · Esc cancel" />;
	return <ArticleView screen={screen} library={library} isActive={false} prompt={prompt} />;
}

type ArticleViewProps = {
	screen: Extract<Screen, {name: 'article'}>;
	library: Library;
	isActive: boolean;
	prompt?: ReactNode;
};

/** The pager for an article screen of the navigation stack. */
function ArticleView({screen, library, isActive, prompt}: ArticleViewProps) {
	return (
		<WithArticle library={library} id={screen.id}>
			{article => <ArticleScreen article={article} source={screen.source} position={screen.position} find={screen.find} relatedCursor={screen.relatedCursor} isActive={isActive} prompt={prompt} />}
		</WithArticle>
	);
}

/** Loads an article body; a file that broke since the library was loaded shows its problem instead. */
function WithArticle({library, id, children}: {library: Library; id: string; children: (article: Article) => ReactNode}) {
	const result = useMemo(() => {
		try {
			return {article: library.article(id)};
		} catch (error) {
			return {error: (error as Error).message};
		}
	}, [library, id]);
	if ('error' in result) {
		return <ArticleProblem id={id} reason={result.error ?? ''} />;
	}

	return <>{children(result.article)}</>;
}

function ArticleProblem({id, reason}: {id: string; reason: string}) {
	const {dispatch} = useContextServices();
	useRoutedInput(() => {
		dispatch({type: 'back'});
	}, true);
	return (
		<Box flexDirection="column">
			<Text {...theme.error}>Cannot open {id}: {reason}</Text>
			<Text {...theme.dim}>Press any key to go back. `newsread doctor` lists every article problem.</Text>
		</Box>
	);
}
