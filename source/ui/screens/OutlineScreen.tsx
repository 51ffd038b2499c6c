// The article's subheadings as a list (t); Enter jumps there.
import {Text} from 'ink';
import {useCallback} from 'react';
import type {Article} from '../../core/article.js';
import {useApp} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {Frame} from '../components/Frame.js';
import {List, visibleItems} from '../components/List.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {usePagerModel} from '../hooks/use-pager-model.js';
import {type Action, hintsFor, type Scope, screenScopes} from '../keymap.js';
import {subheadingText} from '../pager-model.js';
import {padToWidth} from '../text.js';
import {theme} from '../theme.js';

const scopes: readonly Scope[] = screenScopes.outline;

export type OutlineScreenProps = {
	article: Article;
	cursor: number;
	isActive: boolean;
};

export function OutlineScreen({article, cursor, isActive}: OutlineScreenProps) {
	const {dispatch, body} = useApp();
	const {model} = usePagerModel(article);
	const headings = model.subheadings.map(line => ({line, level: model.lines[line]?.level ?? 2, text: subheadingText(model, line)}));
	const selected = Math.min(cursor, Math.max(0, headings.length - 1));
	const onAction = useCallback(
		(action: Action) => {
			const heading = headings[selected];
			if (action === 'open' && heading) {
				dispatch({type: 'back'});
				const view = {width: body.columns, height: body.rows, lineCount: model.lines.length, top: 0, subheadings: model.subheadings, matches: []};
				dispatch({type: 'scroll-to', line: heading.line, view});
			} else {
				handleCommonAction(action, dispatch, {screen: 'outline', count: headings.length, pageSize: visibleItems(body.rows)});
			}
		},
		[headings, selected, dispatch, body, model],
	);
	useKeymap(scopes, onAction, {isActive});

	return (
		<Frame title={`Outline › ${article.title}`} aside={`${headings.length} subheadings`} status={headings.length === 0 ? '0/0' : `${selected + 1}/${headings.length}`} hints={hintsFor(scopes)}>
			{headings.length === 0 ? (
				<Text {...theme.dim}>This article has no subheadings.</Text>
			) : (
				<List
					count={headings.length}
					cursor={selected}
					height={body.rows}
					renderItem={(index, isSelected) => {
						const heading = headings[index];
						const indent = '  '.repeat(Math.max(0, (heading?.level ?? 2) - 2));
						return (
							<Text {...(isSelected ? theme.selected : theme.subheading)} inverse={isSelected}>
								{padToWidth(`${isSelected ? '❯ ' : '  '}${indent}${heading?.text ?? ''}`, body.columns)}
							</Text>
						);
					}}
				/>
			)}
		</Frame>
	);
}
