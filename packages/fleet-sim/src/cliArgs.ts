import { InvalidArgumentError } from 'commander';

/** Option parsers of the `fleet-sim` command line (commander prints their messages). */

export function number(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be a number between ${min} and ${max}.`,
      );
    return n;
  };
}

export function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be an integer between ${min} and ${max}.`,
      );
    return n;
  };
}
