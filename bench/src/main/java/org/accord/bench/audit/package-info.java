/** Benchmarks of the transfer log's hash chain. */
package org.accord.bench.audit;
