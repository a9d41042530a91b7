/**
 * Optional Micrometer support: {@link asyncigo.micrometer.LoopMetricsBinder} publishes a loop's
 * {@link asyncigo.api.Loop#metrics()} to a {@code MeterRegistry}. Nothing else in asyncigo
 * requires this module; add {@code io.asyncigo:asyncigo.micrometer} only where Micrometer is used.
 *
 * @since 0.1
 */
module asyncigo.micrometer {
  requires transitive asyncigo.api;
  requires transitive micrometer.core;

  exports asyncigo.micrometer;
}
