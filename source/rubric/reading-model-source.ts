/**
 * The trained reading as it ships (reading-model.ts, written by scripts/train-reading.ts): the shared
 * weights and each scenario's as JSON of their own, so a command that scores one scenario parses only
 * what that scenario reads. Its own file so the generated model and the reader need not import each other.
 */
export type ReadingModelSource = {
	readonly threshold: number;
	readonly margin: number;
	readonly shared: string;
	readonly scenarios: Readonly<Record<string, string>>;
};
