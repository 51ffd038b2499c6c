// The pager model of the article being read, as the article screen and its outline both draw it.
import {useMemo} from 'react';
import type {Article, ArticleMeta} from '../../core/article.js';
import {useReader} from '../app-context.js';
import {type PagerModel, pagerModel} from '../pager-model.js';
import {plural} from '../text.js';

export type ArticlePager = {
	/** The article's lines at the terminal's width, end matter included. */
	model: PagerModel;
	/** The related articles listed at the end. */
	related: ArticleMeta[];
	/** Comments on the article. */
	commentCount: number;
};

export function usePagerModel(article: Article): ArticlePager {
	const {library, comments, body} = useReader();
	// Similarity runs over the whole library: once per article, not once per frame.
	const related = useMemo(() => library.related(article.id), [library, article.id]);
	const commentCount = comments.count(article.id);
	return {model: pagerModel(article, body.columns, related, commentsEntry(commentCount)), related, commentCount};
}

function commentsEntry(count: number): string {
	return count === 0 ? 'No comments yet: press c to leave a reply' : `${plural(count, 'comment')}: press c to read them and reply`;
}
