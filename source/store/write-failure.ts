// Failed writes of the reading state: the run of failures in a row, the wait before the next try, and
// when and what the reader is told. The rules are plain functions, so they are tested without timers or files.

/** Saving must have failed this long, and SAVE_PROBLEM_AFTER_FAILURES times in a row, before the reader says so. */
export const SAVE_PROBLEM_AFTER_MS = 30_000;
export const SAVE_PROBLEM_AFTER_FAILURES = 3;
/** Waits before the next try after a failed write: one second, doubling, at most MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 1000;
export const MAX_RETRY_DELAY_MS = 15_000;
/** Failures other than a busy lock (a full disk, no permission) are tried this many times by a flush with a budget. */
export const FLUSH_TRIES_FOR_OTHER_ERRORS = 3;

/** Failed tries in a row: how many, when the first of them failed, and the last error. */
export type FailureRun = {count: number; since: number; error: unknown};

/** What to show: `problem` for the status line, `message` for onError. */
export type FailureReport = {problem: string; message: string};

export type FailureTrackerOptions = {
	/** Told (after `problem()` changed) when the reader should see a message. */
	onProblem: () => void;
	/** Told the longer message that goes with each new problem. */
	onError?: (message: string) => void;
	now: () => number;
};

/** The run of failures of one writer and the status-line message it leads to. */
export function trackFailures({onProblem, onError, now}: FailureTrackerOptions) {
	let run = noFailures;
	let problem: string | undefined;
	const say = (report: FailureReport) => {
		problem = report.problem;
		onError?.(report.message);
		onProblem();
	};

	return {
		run: () => run,
		problem: () => problem,
		failed(error: unknown) {
			run = addFailure(run, error, now());
			// Said once per run: the message stays until a write succeeds.
			const report = problem === undefined ? retryReport(run, now()) : undefined;
			if (report) {
				say(report);
			}
		},
		/** Clears the run and the message; the owner tells the reader (it redraws for the write anyway). */
		succeeded() {
			run = noFailures;
			problem = undefined;
		},
		gaveUp(unsaved: number) {
			say(giveUpReport(run, unsaved));
		},
	};
}

export const noFailures: FailureRun = {count: 0, since: 0, error: undefined};

/** The run after one more failed try at time `at`. */
export function addFailure(run: FailureRun, error: unknown, at: number): FailureRun {
	return {count: run.count + 1, since: run.count === 0 ? at : run.since, error};
}

/** The wait before the next try after `failures` failed tries in a row. */
export function retryDelay(failures: number): number {
	return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (failures - 1), MAX_RETRY_DELAY_MS);
}

/** What to tell the reader about the run at time `at`, or undefined while it is not worth saying (the changes are retried either way). */
export function retryReport(run: FailureRun, at: number): FailureReport | undefined {
	const failingFor = at - run.since;
	// Another newsread holding the lock passes: say so only when it keeps failing. Anything else (a
	// full disk, a folder that became a file) is said at once.
	const keepsFailing = run.count >= SAVE_PROBLEM_AFTER_FAILURES && failingFor >= SAVE_PROBLEM_AFTER_MS;
	if (!keepsFailing && isLockContention(run.error)) {
		return undefined;
	}

	const howLong = run.count === 1 ? '' : ` for ${Math.round(failingFor / 1000)} s (${run.count} tries)`;
	return {
		problem: `Reading state not saved: ${shortReason(run.error)}. Retrying.`,
		message: `Could not save reading state${howLong}: ${errorMessage(run.error)}. The changes are kept and tried again.`,
	};
}

/** Whether a flush with a budget (quitting) stops trying: out of time, or tried often enough for an error that waiting will not fix. */
export function flushGivesUp(run: FailureRun, tries: number, timeLeft: number): boolean {
	return timeLeft <= 0 || (!isLockContention(run.error) && tries >= FLUSH_TRIES_FOR_OTHER_ERRORS);
}

/** What to tell the reader when a flush with a budget gave up with `unsaved` changes still queued. */
export function giveUpReport(run: FailureRun, unsaved: number): FailureReport {
	return {
		problem: `Reading state not saved: ${shortReason(run.error)}.`,
		message: `Could not save reading state: ${errorMessage(run.error)}. ${unsaved} ${unsaved === 1 ? 'change was' : 'changes were'} not saved.`,
	};
}

/** Another newsread holds the lock (or took it over): worth waiting for, unlike a full disk. */
export function isLockContention(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'ELOCKED' || code === 'ECOMPROMISED';
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The error's short message (a read-only file), its code (ELOCKED, ENOSPC) or the first words of its message: the status line is short. */
function shortReason(error: unknown): string {
	// A message of its own for the status line (a read-only state file).
	const short = (error as {shortMessage?: unknown} | undefined)?.shortMessage;
	if (typeof short === 'string') {
		return short;
	}

	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ELOCKED') {
		return 'another newsread holds the lock';
	}

	if (typeof code === 'string') {
		return code;
	}

	const message = errorMessage(error).split('\n')[0] ?? '';
	return message.length > 40 ? `${message.slice(0, 39)}…` : message;
}
