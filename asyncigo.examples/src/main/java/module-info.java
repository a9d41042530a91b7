/** The README's examples and the demo commands. Requires the API only; implementations are found on the module path. */
module asyncigo.examples {
  requires asyncigo.api;
  requires asyncigo.iter;

  exports asyncigo.examples;
}
