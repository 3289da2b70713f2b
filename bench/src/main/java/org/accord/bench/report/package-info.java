/** Turns a JMH JSON result file into the Markdown report that {@code bench/run.sh} writes. */
package org.accord.bench.report;
