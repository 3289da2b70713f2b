package org.accord.bench.crypto;

import org.openjdk.jmh.annotations.Threads;

/** {@link CmsBenchmark} on two threads sharing one sealer and opener. */
@Threads(2)
public class Cms2Threads extends CmsBenchmark {
}
