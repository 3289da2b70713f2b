/**
 * The end-to-end load driver: starts the gateway jar as its own process on its embedded defaults, submits
 * realistic referrals over HTTP at a fixed or the highest sustainable rate, counts only transfers delivered
 * and logged, and reports throughput, latency, CPU and memory beside the crypto floor measured in the same run.
 */
package org.accord.bench.load;
