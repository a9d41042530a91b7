package asyncigo.examples.demo;

import java.io.PrintStream;

/**
 * Where a command writes, and how it learns that the user wants it to stop.
 *
 * @param out results: example output, lines, progress and totals
 * @param err the loop banner and errors
 * @param interrupts registers what to do on Ctrl-C
 */
record Console(PrintStream out, PrintStream err, Interrupts interrupts) {}
