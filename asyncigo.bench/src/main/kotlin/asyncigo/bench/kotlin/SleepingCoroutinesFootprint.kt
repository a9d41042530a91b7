package asyncigo.bench.kotlin

import java.lang.management.ManagementFactory
import java.util.Locale
import kotlin.time.Duration.Companion.hours
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * The kotlinx-coroutines peer of `SleepingTasksFootprint`, measured the same way: a warm-up round
 * of 100,000 coroutines, then a round of 1,000,000 (or the counts given), each launched in one
 * [runBlocking] (one thread) and suspended in a one-hour [delay]; the heap used after two full
 * collections with all of them asleep, less the heap used before launching them, divided by their
 * number. The output lines have the format of `SleepingTasksFootprint`'s.
 *
 * Usage: `java -Xmx1g -cp benchmarks.jar asyncigo.bench.kotlin.SleepingCoroutinesFootprint
 * [coroutines [warmupCoroutines]]`
 */
object SleepingCoroutinesFootprint {
  private val memory = ManagementFactory.getMemoryMXBean()

  @JvmStatic
  fun main(args: Array<String>) {
    val coroutines = args.getOrNull(0)?.toInt() ?: 1_000_000
    val warmup = args.getOrNull(1)?.toInt() ?: 100_000
    println("kotlinx-coroutines on runBlocking's event loop (one thread)")
    runBlocking {
      round("warm-up", warmup)
      round("measured", coroutines)
    }
    println("OK")
  }

  private suspend fun CoroutineScope.round(label: String, coroutines: Int) {
    var asleep = 0
    val before = usedAfterGc()
    repeat(coroutines) {
      launch {
        asleep++
        delay(1.hours)
      }
    }
    yield()
    val after = usedAfterGc()
    println(
      String.format(
        Locale.ROOT,
        "%s: %,d of %,d tasks asleep at once; heap used after GC %,d bytes before spawning," +
          " %,d with all asleep; %,d bytes per sleeping task",
        label, asleep, coroutines, before, after, (after - before) / coroutines))
    check(asleep == coroutines) { "only $asleep of $coroutines coroutines reached their delay" }
    coroutineContext.cancelChildren()
    yield()
  }

  private fun usedAfterGc(): Long {
    memory.gc()
    memory.gc()
    return memory.heapMemoryUsage.used
  }
}
