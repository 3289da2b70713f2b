/**
 * JMH benchmarks of the gateway's hot paths, one package per capability measured: {@code crypto} (sealing and
 * opening beside the bare primitives), {@code agreement} (decisions over a large catalogue), {@code record}
 * (schema validation) and {@code redaction} (minimisation). Run with {@code bench/run.sh}.
 */
package org.accord.bench;
