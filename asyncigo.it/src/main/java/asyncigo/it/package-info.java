/** The child-JVM probe of the integration tests. */
package asyncigo.it;
