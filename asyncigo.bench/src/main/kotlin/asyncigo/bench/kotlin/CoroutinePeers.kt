package asyncigo.bench.kotlin

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * The kotlinx-coroutines peers of asyncigo's loop-core benchmarks, each shaped like its asyncigo
 * counterpart. Every function runs its coroutines inside one [runBlocking], whose event loop runs
 * them all on the calling thread (the single-threaded setting of an asyncigo loop), performs the
 * given number of operations and returns a value for JMH to consume. The JMH benchmark classes
 * that call them are Java (`KotlinPeerBenchmark`).
 */
object CoroutinePeers {
  /** The two deferreds in play: the main coroutine awaits [pong], the other one [ping]. */
  private class Rally {
    var ping = CompletableDeferred<Unit>()
    var pong = CompletableDeferred<Unit>()
  }

  /**
   * `FutureHandOffBenchmark.pingPong`: two coroutines ping-pong, each creating the deferred it
   * will await next, completing the other's and awaiting its own; [handOffs] hand-offs in all.
   */
  @JvmStatic
  fun deferredHandOff(handOffs: Int): Int = runBlocking {
    val rally = Rally()
    val ponger = launch {
      repeat(handOffs / 2) {
        rally.ping.await()
        rally.ping = CompletableDeferred()
        rally.pong.complete(Unit)
      }
    }
    repeat(handOffs / 2) {
      rally.pong = CompletableDeferred()
      rally.ping.complete(Unit)
      rally.pong.await()
    }
    ponger.join()
    handOffs
  }

  /** The same hand-off through two rendezvous channels (Kotlin's idiom for a ping-pong). */
  @JvmStatic
  fun channelHandOff(handOffs: Int): Int = runBlocking {
    val ping = Channel<Int>()
    val pong = Channel<Int>()
    val ponger = launch {
      repeat(handOffs / 2) { pong.send(ping.receive()) }
    }
    var sum = 0
    repeat(handOffs / 2) {
      ping.send(it)
      sum += pong.receive()
    }
    ponger.join()
    sum
  }

  /** `YieldNowBenchmark.oneTask`: one coroutine calling [yield] [yields] times. */
  @JvmStatic
  fun oneYielding(yields: Int): Int = runBlocking {
    repeat(yields) { yield() }
    yields
  }

  /** `YieldNowBenchmark.twoTasks`: two coroutines yielding in turn, [yields] yields in all. */
  @JvmStatic
  fun twoYielding(yields: Int): Int = runBlocking {
    val other = launch { repeat(yields / 2) { yield() } }
    repeat(yields / 2) { yield() }
    other.join()
    yields
  }

  /** `SpawnAwaitBenchmark.spawnThenAwait`: `async { 1 }.await()`, [tasks] times in turn. */
  @JvmStatic
  fun asyncThenAwait(tasks: Int): Int = runBlocking {
    var sum = 0
    repeat(tasks) { sum += async { 1 }.await() }
    sum
  }

  /** The same with a coroutine that returns nothing: `launch { }.join()`, [tasks] times. */
  @JvmStatic
  fun launchThenJoin(tasks: Int): Int = runBlocking {
    repeat(tasks) { launch {}.join() }
    tasks
  }

  /**
   * `SpawnAwaitBenchmark.gatherBatch`: start [batch] `async { 1 }`, then [awaitAll] them,
   * [tasks] / [batch] times.
   */
  @JvmStatic
  fun batchThenAwaitAll(tasks: Int, batch: Int): Int = runBlocking {
    var sum = 0
    repeat(tasks / batch) {
      val started = List(batch) { async { 1 } }
      for (result in started.awaitAll()) {
        sum += result
      }
    }
    sum
  }
}
