import chalk from 'chalk';
import './no-color.js';

/** Styling for plain terminal output; every style also has a word or symbol, so colour is never alone. */
export const style = {
	heading: (text: string) => chalk.bold(text),
	met: (text: string) => chalk.green(text),
	missed: (text: string) => chalk.yellow(text),
	flag: (text: string) => chalk.red.bold(text),
	dim: (text: string) => chalk.dim(text),
	quote: (text: string) => chalk.italic(text),
	hint: (text: string) => chalk.yellow(text),
};
