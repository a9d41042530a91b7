/** Runnable examples: each main class prints exactly the lines its Javadoc shows. */
package asyncigo.examples;
