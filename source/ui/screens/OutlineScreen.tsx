// The article's subheadings as a list (t); Enter jumps there.
import {Text} from 'ink';
import type {ArticleText} from '../../core/article.js';
import {useReader} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {Frame} from '../components/Frame.js';
import {List, visibleItems} from '../components/List.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {usePagerModel} from '../hooks/use-pager-model.js';
import {type Action, hintsFor, type Scope, screenScopes} from '../keymap.js';
import {type ListCursor, listCursor} from '../navigation.js';
import {subheadingText} from '../pager-model.js';
import {padToWidth} from '../text.js';
import {glyphs, theme} from '../theme.js';

const scopes: readonly Scope[] = screenScopes.outline;

export type OutlineScreenProps = ListCursor & {
	/** The article whose subheadings are listed. */
	article: ArticleText;
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

type Heading = {line: number; level: number; text: string};

export function OutlineScreen({article, cursor, cursorKey, isActive}: OutlineScreenProps) {
	const {dispatch, body} = useReader();
	const {model} = usePagerModel(article);
	const headings: Heading[] = model.subheadings.map(line => ({line, level: model.lines[line]?.level ?? 2, text: subheadingText(model, line)}));
	const keys = headings.map(heading => headingKey(heading));
	const selected = listCursor({cursor, cursorKey}, keys);
	const onAction = (action: Action) => {
		const heading = headings[selected];
		if (action === 'open' && heading) {
			dispatch({type: 'back'});
			const view = {width: body.columns, height: body.rows, lineCount: model.lines.length, top: 0, subheadings: model.subheadings, matches: []};
			dispatch({type: 'scroll-to', line: heading.line, view});
		} else {
			handleCommonAction(action, dispatch, {screen: 'outline', keys, pageSize: visibleItems(body.rows)});
		}
	};

	useKeymap(scopes, onAction, {isActive});

	return (
		<Frame title={`Outline ${glyphs.crumb} ${article.title}`} aside={`${headings.length} subheadings`} status={headings.length === 0 ? '0/0' : `${selected + 1}/${headings.length}`} hints={hintsFor(scopes)}>
			{headings.length === 0 ? (
				<Text {...theme.dim}>This article has no subheadings.</Text>
			) : (
				<List
					items={headings}
					itemKey={headingKey}
					cursor={selected}
					height={body.rows}
					renderItem={(heading, isSelected) => (
						<Text {...(isSelected ? theme.selected : theme.subheading)} inverse={isSelected}>
							{padToWidth(`${isSelected ? `${glyphs.pointer} ` : '  '}${'  '.repeat(Math.max(0, heading.level - 2))}${heading.text}`, body.columns)}
						</Text>
					)}
				/>
			)}
		</Frame>
	);
}

function headingKey(heading: Heading): string {
	return `line ${heading.line}`;
}
