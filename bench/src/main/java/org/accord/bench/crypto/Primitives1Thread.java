package org.accord.bench.crypto;

import org.openjdk.jmh.annotations.Threads;

/** {@link PrimitivesBenchmark} on one thread. */
@Threads(1)
public class Primitives1Thread extends PrimitivesBenchmark {
}
