// How an answer is built up on screen, as plain state: the TUI dispatches keys, these decide.

/** Ranking: the options in the learner's order, a cursor, and whether the option under it is held to move. */
export type RankState = { readonly order: readonly string[]; readonly cursor: number; readonly holding: boolean; readonly touched: boolean };

export type RankAction = { readonly type: 'up' } | { readonly type: 'down' } | { readonly type: 'hold' };

export function startRank(letters: readonly string[]): RankState {
	return { order: letters, cursor: 0, holding: false, touched: false };
}

/** ↑ ↓ move the cursor; holding an option (Space), ↑ ↓ move the option itself. */
export function reduceRank(state: RankState, action: RankAction): RankState {
	if (action.type === 'hold') return { ...state, holding: !state.holding };
	const to = state.cursor + (action.type === 'up' ? -1 : 1);
	if (to < 0 || to >= state.order.length) return state;
	if (!state.holding) return { ...state, cursor: to };
	const order = [...state.order];
	[order[state.cursor], order[to]] = [order[to]!, order[state.cursor]!];
	return { ...state, order, cursor: to, touched: true };
}

/** What counts as entered when time runs out: the order, once the learner has moved anything. */
export function enteredRank(state: RankState): readonly string[] {
	return state.touched ? state.order : [];
}

/** Choosing three: a cursor and the options picked, never more than three. */
export type Best3State = { readonly options: readonly string[]; readonly cursor: number; readonly chosen: readonly string[]; readonly refused: boolean };

export type Best3Action = { readonly type: 'up' } | { readonly type: 'down' } | { readonly type: 'toggle' };

export function startBest3(letters: readonly string[]): Best3State {
	return { options: letters, cursor: 0, chosen: [], refused: false };
}

/** Space picks or unpicks the option under the cursor; a fourth pick is refused (the exam would score it 0). */
export function reduceBest3(state: Best3State, action: Best3Action): Best3State {
	if (action.type !== 'toggle') {
		const to = state.cursor + (action.type === 'up' ? -1 : 1);
		return to < 0 || to >= state.options.length ? state : { ...state, cursor: to, refused: false };
	}
	const option = state.options[state.cursor]!;
	if (state.chosen.includes(option)) return { ...state, chosen: state.chosen.filter(chosen => chosen !== option), refused: false };
	if (state.chosen.length >= 3) return { ...state, refused: true };
	return { ...state, chosen: [...state.chosen, option].sort(), refused: false };
}

/** Either kind of answer in progress: the ranking and the choosing, whichever the item asks for. */
export type AnswerState = { readonly rank: RankState; readonly best3: Best3State };

export type AnswerKey = 'up' | 'down' | 'space';

export function startAnswer(letters: readonly string[]): AnswerState {
	return { rank: startRank(letters), best3: startBest3(letters) };
}

/** One key on an item of this type: ↑ ↓ move; Space holds an option (rank) or chooses it (best 3). */
export function reduceAnswer(type: 'rank' | 'best3', state: AnswerState, key: AnswerKey): AnswerState {
	if (type === 'rank') return { ...state, rank: reduceRank(state.rank, key === 'space' ? { type: 'hold' } : { type: key }) };
	return { ...state, best3: reduceBest3(state.best3, key === 'space' ? { type: 'toggle' } : { type: key }) };
}

/** Whether the learner has entered anything: moved an option (rank), or chosen one (best 3). */
export function hasEntered(type: 'rank' | 'best3', state: AnswerState): boolean {
	return type === 'rank' ? state.rank.touched : state.best3.chosen.length > 0;
}

/**
 * What Enter does on an item: a best 3 needs a choice; a ranking left as it came is taken only on a
 * second Enter (`askedAlready`), since a bare Enter is most often meant for something else.
 */
export function enterOutcome(type: 'rank' | 'best3', state: AnswerState, askedAlready: boolean): 'submit' | 'ask' {
	if (hasEntered(type, state)) return 'submit';
	return type === 'rank' && askedAlready ? 'submit' : 'ask';
}

/** The line shown when Enter was not taken (see enterOutcome). */
export function unenteredHint(type: 'rank' | 'best3'): string {
	return type === 'best3' ? 'Nothing chosen yet: choose three with Space, then Enter.' : 'Nothing moved yet: Enter again to give the order as it stands.';
}

/** The answer as it stands: the order for rank, the choices for best 3. */
export function currentAnswer(type: 'rank' | 'best3', state: AnswerState): readonly string[] {
	return type === 'rank' ? state.rank.order : state.best3.chosen;
}
