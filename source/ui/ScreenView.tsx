// Picks the view of the screen on top of the navigation stack: each screen with what it needs from the
// stack, the find prompt drawn over the article it searches, and the problem of an article that broke.
import {Box, Text} from 'ink';
import {type ReactNode, useCallback, useState} from 'react';
import type {ArticleText} from '../core/article.js';
import type {Library} from '../core/library.js';
import {useReader} from './app-context.js';
import {TextPrompt} from './components/TextPrompt.js';
import {useRoutedInput} from './hooks/use-keymap.js';
import type {Screen} from './navigation.js';
import {AddFeedScreen} from './screens/AddFeedScreen.js';
import {ArticleScreen} from './screens/ArticleScreen.js';
import {CommentsScreen} from './screens/CommentsScreen.js';
import {HeadlinesScreen} from './screens/HeadlinesScreen.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {OutlineScreen} from './screens/OutlineScreen.js';
import {SearchScreen} from './screens/SearchScreen.js';
import {SectionsScreen} from './screens/SectionsScreen.js';
import {theme} from './theme.js';

export type ScreenViewProps = {
	/** The screen on top of the stack: the one showing. */
	screen: Screen;
	/** The screen under it: the find prompt draws over the article it searches. */
	below: Screen | undefined;
	/** The library the articles are loaded from. */
	library: Library;
};

export function ScreenView({screen, below, library}: ScreenViewProps) {
	switch (screen.name) {
		case 'sections': {
			return <SectionsScreen cursor={screen.cursor} cursorKey={screen.cursorKey} isActive />;
		}

		case 'headlines': {
			return <HeadlinesScreen source={screen.source} cursor={screen.cursor} cursorKey={screen.cursorKey} isActive />;
		}

		case 'article': {
			return <ArticleView screen={screen} library={library} isActive />;
		}

		case 'outline': {
			return <WithArticle library={library} id={screen.id}>{article => <OutlineScreen article={article} cursor={screen.cursor} cursorKey={screen.cursorKey} isActive />}</WithArticle>;
		}

		case 'help': {
			return <HelpScreen of={screen.of} scroll={screen.scroll} isActive />;
		}

		case 'search': {
			return <SearchScreen query={screen.query} isActive />;
		}

		case 'add-feed': {
			return <AddFeedScreen query={screen.query} isActive />;
		}

		case 'comments': {
			return <WithArticle library={library} id={screen.id}>{article => <CommentsScreen article={article} cursor={screen.cursor} cursorKey={screen.cursorKey} isActive />}</WithArticle>;
		}

		case 'find': {
			return below?.name === 'article' ? <FindOverArticle find={screen} article={below} library={library} /> : null;
		}
	}
}

function FindOverArticle({find, article: screen, library}: {find: Extract<Screen, {name: 'find'}>; article: Extract<Screen, {name: 'article'}>; library: Library}) {
	const {dispatch} = useReader();
	const onChange = useCallback((query: string) => dispatch({type: 'set-query', query}), [dispatch]);
	const onCancel = useCallback(() => dispatch({type: 'back'}), [dispatch]);
	const onSubmit = useCallback(
		(query: string) => {
			dispatch({type: 'back'});
			dispatch({type: 'set-find', query: query.trim() === '' ? undefined : query});
		},
		[dispatch],
	);
	const prompt = <TextPrompt label="/" value={find.query} onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} isActive scope="find" history="find" />;
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

/**
 * Loads an article body; a file that broke since the library was loaded shows its problem instead.
 * The article stays as opened while the library is loaded again (feed articles arriving): a refresh
 * that rewrites it in place takes effect when it is opened next.
 */
function WithArticle({library, id, children}: {library: Library; id: string; children: (article: ArticleText) => ReactNode}) {
	const [opened, setOpened] = useState(() => ({id, result: openArticle(library, id)}));
	let {result} = opened;
	if (opened.id !== id) {
		result = openArticle(library, id);
		setOpened({id, result});
	}

	if ('error' in result) {
		return <ArticleProblem id={id} reason={result.error} />;
	}

	return <>{children(result.article)}</>;
}

function openArticle(library: Library, id: string): {article: ArticleText} | {error: string} {
	try {
		return {article: library.articleText(id)};
	} catch (error) {
		return {error: (error as Error).message};
	}
}

function ArticleProblem({id, reason}: {id: string; reason: string}) {
	const {dispatch} = useReader();
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
