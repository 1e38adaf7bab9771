/** Wraps `compute` so it runs again only when one of its arguments changes (compared with `Object.is`). */
export function memoizeLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A): R => {
    if (!lastArgs || args.length !== lastArgs.length || args.some((arg, index) => !Object.is(arg, lastArgs![index]))) {
      lastResult = compute(...args);
      lastArgs = args;
    }
    return lastResult;
  };
}
