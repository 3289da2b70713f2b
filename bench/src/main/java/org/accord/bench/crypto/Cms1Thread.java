package org.accord.bench.crypto;

import org.openjdk.jmh.annotations.Threads;

/** {@link CmsBenchmark} on one thread. */
@Threads(1)
public class Cms1Thread extends CmsBenchmark {
}
