package org.accord.bench.crypto;

import org.openjdk.jmh.annotations.Threads;

/** {@link PrimitivesBenchmark} on two threads, each with its own engines. */
@Threads(2)
public class Primitives2Threads extends PrimitivesBenchmark {
}
